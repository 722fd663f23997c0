package org.crm4j.persistence.memory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.crm4j.customer.OpportunitySummary;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.StageChange;
import org.crm4j.store.ForecastGrouping;
import org.crm4j.store.ForecastRow;
import org.crm4j.store.ForecastSelection;
import org.crm4j.store.Keyset;
import org.crm4j.store.OpportunityStore;
import org.crm4j.store.StageTotalRow;
import org.crm4j.store.StallMark;
import org.crm4j.store.StallQuery;
import org.crm4j.store.StalledRow;
import org.crm4j.store.Visibility;

/** Opportunities, in the same transaction. */
final class MemoryOpportunityStore extends MemoryFeatureStore implements OpportunityStore {
    MemoryOpportunityStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public OpportunityRecord insert(OpportunityRecord opportunity) {
        checkWritable();
        OpportunityRecord stored = opportunity.withIdentity(newId(), 0);
        put(data.opportunities, stored.id(), stored);
        put(data.lastActivity, stored.id(), stored.updatedAt());
        return stored;
    }

    @Override
    public OpportunityRecord update(OpportunityRecord opportunity) {
        OpportunityRecord stored = replaceVersioned(data.opportunities, opportunity.id(), opportunity.version(),
                OpportunityRecord::version,
                "opportunity " + opportunity.id(), next -> opportunity.withIdentity(opportunity.id(), next));
        recordActivity(stored.id(), stored.updatedAt());
        return stored;
    }

    @Override
    public void recordActivity(long opportunityId, Instant at) {
        checkWritable();
        Instant last = data.lastActivity.get(opportunityId);
        if (data.opportunities.containsKey(opportunityId) && (last == null || at.isAfter(last))) {
            put(data.lastActivity, opportunityId, at);
        }
    }

    @Override
    public Optional<OpportunityRecord> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.opportunities.get(id))
                .filter(o -> needToKnow.record(visibility, o.customerId(), o.ownerId()));
    }

    @Override
    public boolean exists(long id) {
        return data.opportunities.containsKey(id);
    }

    @Override
    public void lock(long id) {
        // write transactions are serialised by the store's lock already
    }

    @Override
    public List<OpportunityRecord> ofCustomer(long customerId, Visibility visibility) {
        return data.opportunities.values().stream()
                .filter(o -> o.customerId() == customerId && needToKnow.record(visibility, o.customerId(), o.ownerId()))
                .sorted(Comparator.comparing((OpportunityRecord o) -> o.status() != OpportunityStatus.OPEN)
                        .thenComparing(OpportunityRecord::createdAt, Comparator.reverseOrder())
                        .thenComparing(OpportunityRecord::id, Comparator.reverseOrder()))
                .toList();
    }

    @Override
    public List<OpportunitySummary> summariesOfCustomer(long customerId, Visibility visibility) {
        return ofCustomer(customerId, visibility).stream()
                .map(o -> new OpportunitySummary(o.id(), o.title(), o.ownerId(), o.pipelineId(), o.stageCode(),
                        o.status() == OpportunityStatus.OPEN, o.status() == OpportunityStatus.WON, o.amount(),
                        o.probability(), o.expectedClose(), o.createdAt()))
                .toList();
    }

    @Override
    public void recordStageChange(StageChange change) {
        tx.add(data.stageChanges, change);
    }

    @Override
    public List<StageChange> stageChanges(long opportunityId) {
        return data.stageChanges.stream().filter(c -> c.opportunityId().value() == opportunityId).toList();
    }

    @Override
    public List<StageTotalRow> stageTotals(long pipelineId, Visibility visibility) {
        Map<String, StageTotalRow> rows = new TreeMap<>();
        for (OpportunityRecord o : data.opportunities.values()) {
            if (o.pipelineId() != pipelineId || o.status() != OpportunityStatus.OPEN
                    || !needToKnow.record(visibility, o.customerId(), o.ownerId())) {
                continue;
            }
            BigDecimal amount = o.amount() == null ? BigDecimal.ZERO : o.amount().amount();
            rows.merge(o.stageCode(), new StageTotalRow(o.stageCode(), 1, amount,
                    amount.multiply(BigDecimal.valueOf(o.probability()))),
                    (a, b) -> new StageTotalRow(a.stageCode(), a.count() + b.count(), a.amount().add(b.amount()),
                            a.amountTimesProbability().add(b.amountTimesProbability())));
        }
        return List.copyOf(rows.values());
    }

    @Override
    public List<StalledRow> stalled(StallQuery query) {
        return stalledWhere(query, o -> true, query.after());
    }

    @Override
    public List<StalledRow> unannouncedStalls(StallQuery query) {
        return stalledWhere(query, o -> {
            StallMark mark = data.stalls.get(o.id());
            Instant last = data.lastActivity.get(o.id());
            boolean newlyIdle = !last.isAfter(query.idleSince())
                    && (mark == null || mark.idleMark() == null || !mark.idleMark().equals(last));
            boolean newlyOverdue = query.closeBefore() != null && o.expectedClose().isBefore(query.closeBefore())
                    && (mark == null || mark.overdueClose() == null
                            || !mark.overdueClose().equals(o.expectedClose()));
            return newlyIdle || newlyOverdue;
        }, null);
    }

    /** The answers of the SQL query: open, idle or overdue, visible, after the keyset. */
    private List<StalledRow> stalledWhere(StallQuery query, Predicate<OpportunityRecord> also, Keyset after) {
        LocalDate closeBefore = query.closeBefore();
        Comparator<StalledRow> order = Comparator.comparing(StalledRow::lastActivityAt)
                .thenComparingLong(StalledRow::id);
        return data.opportunities.values().stream()
                .filter(o -> o.status() == OpportunityStatus.OPEN)
                .filter(o -> query.pipelineId() == null || o.pipelineId() == query.pipelineId())
                .filter(o -> needToKnow.record(query.visibility(), o.customerId(), o.ownerId()))
                .filter(o -> !data.lastActivity.get(o.id()).isAfter(query.idleSince())
                        || closeBefore != null && o.expectedClose().isBefore(closeBefore))
                .filter(also)
                .map(o -> new StalledRow(o.id(), o.customerId(), o.pipelineId(), o.title(), o.ownerId(),
                        o.stageCode(), o.amount(), o.expectedClose(), o.stageSince(), data.lastActivity.get(o.id())))
                .filter(r -> after == null || isAfter(r, (Instant) after.sortValue(), after.id()))
                .sorted(order)
                .limit(query.limit())
                .toList();
    }

    /** The row value comparison {@code (lastActivityAt, id) > (at, id)}. */
    private static boolean isAfter(StalledRow row, Instant at, long id) {
        int c = row.lastActivityAt().compareTo(at);
        return c > 0 || c == 0 && row.id() > id;
    }

    @Override
    public void markStallsAnnounced(List<StallMark> marks) {
        checkWritable();
        for (StallMark mark : marks) {
            StallMark kept = data.stalls.get(mark.opportunityId());
            StallMark merged = kept == null ? mark : new StallMark(mark.opportunityId(),
                    mark.idleMark() != null ? mark.idleMark() : kept.idleMark(),
                    mark.overdueClose() != null ? mark.overdueClose() : kept.overdueClose(),
                    mark.reasons(), mark.flaggedAt());
            put(data.stalls, mark.opportunityId(), merged);
        }
    }

    @Override
    public List<ForecastRow> cashFlow(ForecastSelection selection, Visibility visibility) {
        record Key(LocalDate periodStart, String groupKey, String currency) {
        }
        Map<Key, ForecastRow> rows = new HashMap<>();
        for (OpportunityRecord o : data.opportunities.values()) {
            if (o.status() != OpportunityStatus.OPEN || o.amount() == null
                    || o.expectedClose().isBefore(selection.from()) || !o.expectedClose().isBefore(selection.to())
                    || !selection.pipelineIds().isEmpty() && !selection.pipelineIds().contains(o.pipelineId())
                    || !needToKnow.record(visibility, o.customerId(), o.ownerId())) {
                continue;
            }
            String group = selection.grouping() == ForecastGrouping.OWNER ? o.ownerId()
                    : String.valueOf(o.pipelineId());
            Key key = new Key(selection.period().startOf(o.expectedClose()), group,
                    o.amount().currency().getCurrencyCode());
            BigDecimal amount = o.amount().amount();
            rows.merge(key, new ForecastRow(key.periodStart(), group, key.currency(), 1, amount,
                    amount.multiply(BigDecimal.valueOf(o.probability()))),
                    (a, b) -> new ForecastRow(a.periodStart(), a.groupKey(), a.currency(), a.count() + b.count(),
                            a.amount().add(b.amount()), a.amountTimesProbability().add(b.amountTimesProbability())));
        }
        return List.copyOf(rows.values());
    }

    @Override
    public boolean stageInUse(long pipelineId, String stageCode) {
        return data.opportunities.values().stream()
                .anyMatch(o -> o.pipelineId() == pipelineId && o.stageCode().equals(stageCode))
                || data.stageChanges.stream().anyMatch(c -> {
                    OpportunityRecord o = data.opportunities.get(c.opportunityId().value());
                    return o != null && o.pipelineId() == pipelineId
                            && (stageCode.equals(c.fromStage()) || stageCode.equals(c.toStage()));
                });
    }

    @Override
    public List<Long> reassignOpen(long customerId, String toOwner) {
        checkWritable();
        List<Long> moved = new java.util.ArrayList<>();
        for (OpportunityRecord x : List.copyOf(data.opportunities.values())) {
            if (x.customerId() == customerId && !x.ownerId().equals(toOwner) && x.status() == org.crm4j.pipeline.OpportunityStatus.OPEN) {
                put(data.opportunities, x.id(), x.withOwner(toOwner));
                moved.add(x.id());
            }
        }
        return moved;
    }
}
