package org.crm4j.persistence.jpa;

import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crm4j.common.Money;
import org.crm4j.customer.OpportunitySummary;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.StageChange;
import org.crm4j.store.ForecastGrouping;
import org.crm4j.store.ForecastPeriod;
import org.crm4j.store.ForecastRow;
import org.crm4j.store.ForecastSelection;
import org.crm4j.store.OpportunityStore;
import org.crm4j.store.StageTotalRow;
import org.crm4j.store.StallMark;
import org.crm4j.store.StallQuery;
import org.crm4j.store.StalledRow;
import org.crm4j.store.Visibility;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * Deals in the JPA store. A deal is read with its competitors and participants in one select;
 * need-to-know is part of every query's WHERE clause; the pipeline view is one GROUP BY; the stalled
 * deals are one projection, ordered like the index on {@code (status, last_activity_at, id)}.
 */
final class JpaOpportunityStore implements OpportunityStore {
    private static final String WITH_COLLECTIONS = "select distinct o from Opportunity o"
            + " left join fetch o.competitors left join fetch o.participants";
    /** A deal's own columns, without its collections. */
    private static final String SUMMARY = "select o.id, o.title, o.ownerId, o.pipelineId, o.stageCode, o.status,"
            + " o.amount, o.currency, o.probability, o.expectedClose, o.createdAt from Opportunity o";
    /** Open deals first, then the newest first. */
    private static final Comparator<OpportunityRecord> CUSTOMER_ORDER = Comparator
            .comparing((OpportunityRecord o) -> o.status() != OpportunityStatus.OPEN)
            .thenComparing(OpportunityRecord::createdAt, Comparator.reverseOrder())
            .thenComparing(OpportunityRecord::id, Comparator.reverseOrder());

    private static final String STALLED_ROW = "select o.id, o.customerId, o.pipelineId, o.title, o.ownerId,"
            + " o.stageCode, o.amount, o.currency, o.expectedClose, o.stageSince, o.lastActivityAt"
            + " from Opportunity o";
    /** A Monday: weeks are counted from it. */
    private static final LocalDate WEEK_ANCHOR = LocalDate.of(1900, 1, 1);
    private static final String DAYS = "((o.expectedClose - local date 1900-01-01) by day)";
    /** The days from the anchor to the Monday of the deal's ISO week. */
    private static final String WEEK_START_DAY = DAYS + " - mod(mod(" + DAYS + ", 7) + 7, 7)";

    private final JpaTransaction tx;

    JpaOpportunityStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public OpportunityRecord insert(OpportunityRecord opportunity) {
        Session session = tx.writing();
        OpportunityEntity entity = OpportunityEntity.of(opportunity);
        session.persist(entity);
        tx.flush();
        return opportunity.withIdentity(entity.id, entity.version);
    }

    @Override
    public OpportunityRecord update(OpportunityRecord opportunity) {
        OpportunityEntity entity = tx.writing().find(OpportunityEntity.class, opportunity.id());
        long version = tx.updateVersioned(entity, "opportunity " + opportunity.id(), opportunity.version(),
                e -> e.version, e -> e.copyFrom(opportunity), tx::flush);
        return opportunity.withIdentity(opportunity.id(), version);
    }

    @Override
    public Optional<OpportunityRecord> find(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        SelectionQuery<OpportunityEntity> query = ntk.select(WITH_COLLECTIONS + " where o.id = :id and "
                + ntk.record("o.customerId", "o.ownerId"), OpportunityEntity.class).setParameter("id", id);
        return query.getResultList().stream().findFirst().map(OpportunityEntity::toRecord);
    }

    @Override
    public void lock(long id) {
        tx.session().createSelectionQuery("select o.id from Opportunity o where o.id = :id", Long.class)
                .setParameter("id", id).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select o.id from Opportunity o where o.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<OpportunityRecord> ofCustomer(long customerId, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        SelectionQuery<OpportunityEntity> query = ntk.select(WITH_COLLECTIONS + " where o.customerId = :customer and "
                + ntk.recordOf("o.ownerId", "customer"), OpportunityEntity.class).setParameter("customer", customerId);
        return query.getResultList().stream().map(OpportunityEntity::toRecord).sorted(CUSTOMER_ORDER).toList();
    }

    @Override
    public List<OpportunitySummary> summariesOfCustomer(long customerId, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        SelectionQuery<Object[]> query = ntk.select(SUMMARY + " where o.customerId = :customer and "
                + ntk.recordOf("o.ownerId", "customer")
                + " order by case when o.status = :open then 0 else 1 end, o.createdAt desc, o.id desc", Object[].class)
                .setParameter("customer", customerId).setParameter("open", OpportunityStatus.OPEN);
        return query.getResultList().stream().map(r -> {
            OpportunityStatus status = (OpportunityStatus) r[5];
            return new OpportunitySummary((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (String) r[4],
                    status == OpportunityStatus.OPEN, status == OpportunityStatus.WON,
                    OpportunityEntity.money((BigDecimal) r[6], (String) r[7]), (Integer) r[8],
                    (LocalDate) r[9], (Instant) r[10]);
        }).toList();
    }

    @Override
    public void recordStageChange(StageChange change) {
        tx.writing().persist(StageChangeEntity.of(change));
    }

    @Override
    public List<StageChange> stageChanges(long opportunityId) {
        return tx.session().createSelectionQuery("select c from StageChange c where c.opportunityId = :o"
                + " order by c.changedAt, c.id", StageChangeEntity.class).setParameter("o", opportunityId)
                .getResultList().stream().map(StageChangeEntity::toChange).toList();
    }

    @Override
    public List<StageTotalRow> stageTotals(long pipelineId, Visibility visibility) {
        tx.planWithValues();
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        SelectionQuery<Object[]> query = ntk.select("select o.stageCode, count(o),"
                + " coalesce(sum(o.amount), 0), coalesce(sum(o.amount * o.probability), 0) from Opportunity o"
                + " where o.pipelineId = :pipeline and o.status = :open and " + ntk.record("o.customerId", "o.ownerId")
                + " group by o.stageCode", Object[].class)
                .setParameter("pipeline", pipelineId).setParameter("open", OpportunityStatus.OPEN);
        return query.getResultList().stream().map(row -> new StageTotalRow((String) row[0],
                ((Number) row[1]).longValue(), decimal(row[2]), decimal(row[3]))).toList();
    }

    /**
     * The forecast as one GROUP BY. Months are grouped by year and month; weeks by the Monday
     * they start on, as a day number counted from a fixed Monday (1900-01-01) less that number
     * modulo 7. Day arithmetic means the same on every database, unlike {@code extract(week)},
     * whose week-year and first day of week differ between databases (and, on H2, with the
     * locale). The anchor is a literal, not a parameter, so that the select and the group by
     * hold the very same expression, as PostgreSQL requires. The modulo is taken twice so that
     * dates before the anchor give the same answer whether a database truncates or floors.
     */
    @Override
    public List<ForecastRow> cashFlow(ForecastSelection selection, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        boolean monthly = selection.period() == ForecastPeriod.MONTH;
        String period = monthly ? "extract(year from o.expectedClose), extract(month from o.expectedClose)"
                : WEEK_START_DAY;
        String group = selection.grouping() == ForecastGrouping.OWNER ? "o.ownerId" : "o.pipelineId";
        String hql = "select " + period + ", " + group + ", o.currency, count(o), sum(o.amount),"
                + " sum(o.amount * o.probability) from Opportunity o"
                + " where o.status = :open and o.amount is not null"
                + " and o.expectedClose >= :from and o.expectedClose < :to"
                + (selection.pipelineIds().isEmpty() ? "" : " and o.pipelineId in :pipelines")
                + " and " + ntk.record("o.customerId", "o.ownerId")
                + " group by " + period + ", " + group + ", o.currency";
        SelectionQuery<Object[]> query = ntk.select(hql, Object[].class, selection.pipelineIds().isEmpty() ? Map.of()
                        : Map.of("pipelines", selection.pipelineIds()))
                .setParameter("open", OpportunityStatus.OPEN)
                .setParameter("from", selection.from()).setParameter("to", selection.to());
        int k = monthly ? 2 : 1;
        return query.getResultList().stream().map(row -> new ForecastRow(
                monthly ? LocalDate.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), 1)
                        : WEEK_ANCHOR.plusDays(((Number) row[0]).longValue()),
                String.valueOf(row[k]), (String) row[k + 1], ((Number) row[k + 2]).longValue(), decimal(row[k + 3]),
                decimal(row[k + 4]))).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    @Override
    public boolean stageInUse(long pipelineId, String stageCode) {
        boolean holdsDeals = !tx.session().createSelectionQuery("select o.id from Opportunity o"
                + " where o.pipelineId = :pipeline and o.stageCode = :stage", Long.class)
                .setParameter("pipeline", pipelineId).setParameter("stage", stageCode).setMaxResults(1)
                .getResultList().isEmpty();
        return holdsDeals || !tx.session().createSelectionQuery("select c.id from StageChange c"
                + " join Opportunity o on o.id = c.opportunityId where o.pipelineId = :pipeline"
                + " and (c.fromStage = :stage or c.toStage = :stage)", Long.class)
                .setParameter("pipeline", pipelineId).setParameter("stage", stageCode).setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public List<StalledRow> stalled(StallQuery query) {
        return stallQuery(query, false);
    }

    @Override
    public List<StalledRow> unannouncedStalls(StallQuery query) {
        return stallQuery(query, true);
    }

    /**
     * One select of stalled deals; when {@code unannounced}, joined to the kept marks so that only
     * deals whose current stall was not announced come back.
     */
    private List<StalledRow> stallQuery(StallQuery query, boolean unannounced) {
        NeedToKnow ntk = NeedToKnow.of(tx, query.visibility());
        if (ntk.nothing()) {
            return List.of();
        }
        StringBuilder hql = new StringBuilder(STALLED_ROW);
        if (unannounced) {
            hql.append(" left join OpportunityStall s on s.opportunityId = o.id");
        }
        hql.append(" where o.status = :open");
        if (query.pipelineId() != null) {
            hql.append(" and o.pipelineId = :pipeline");
        }
        hql.append(" and ").append(ntk.record("o.customerId", "o.ownerId"));
        String idle = "o.lastActivityAt <= :idleSince";
        String overdue = "o.expectedClose < :closeBefore";
        if (unannounced) {
            idle = "(" + idle + " and (s.idleMark is null or s.idleMark <> o.lastActivityAt))";
            overdue = "(" + overdue + " and (s.overdueClose is null or s.overdueClose <> o.expectedClose))";
        }
        hql.append(" and (").append(idle);
        if (query.closeBefore() != null) {
            hql.append(" or ").append(overdue);
        }
        hql.append(")");
        boolean paged = !unannounced && query.after() != null;
        if (paged) {
            hql.append(" and (o.lastActivityAt, o.id) > (:afterAt, :afterId)");
        }
        hql.append(" order by o.lastActivityAt, o.id");
        SelectionQuery<Object[]> q = ntk.select(hql.toString(), Object[].class)
                .setParameter("open", OpportunityStatus.OPEN)
                .setParameter("idleSince", query.idleSince())
                .setMaxResults(query.limit());
        if (query.pipelineId() != null) {
            q.setParameter("pipeline", query.pipelineId());
        }
        if (query.closeBefore() != null) {
            q.setParameter("closeBefore", query.closeBefore());
        }
        if (paged) {
            q.setParameter("afterAt", (Instant) query.after().sortValue()).setParameter("afterId", query.after().id());
        }
        return q.getResultList().stream().map(r -> new StalledRow((Long) r[0], (Long) r[1], (Long) r[2],
                (String) r[3], (String) r[4], (String) r[5], OpportunityEntity.money((BigDecimal) r[6], (String) r[7]),
                (LocalDate) r[8], (Instant) r[9], (Instant) r[10])).toList();
    }

    /** A bulk update: it leaves the deal's version alone, so nobody editing the deal gets a conflict. */
    @Override
    public void recordActivity(long opportunityId, Instant at) {
        tx.flush();
        tx.writing().createMutationQuery("update Opportunity o set o.lastActivityAt = :at"
                + " where o.id = :id and o.lastActivityAt < :at")
                .setParameter("at", at).setParameter("id", opportunityId).executeUpdate();
    }

    @Override
    public void markStallsAnnounced(List<StallMark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        Map<Long, OpportunityStallEntity> kept = new HashMap<>();
        List<Long> ids = marks.stream().map(StallMark::opportunityId).toList();
        InList.bind(tx.writing().createSelectionQuery(InList.expand(
                "select s from OpportunityStall s where s.opportunityId in :ids", "ids", ids),
                OpportunityStallEntity.class), "ids", ids)
                .getResultList().forEach(s -> kept.put(s.opportunityId, s));
        for (StallMark mark : marks) {
            OpportunityStallEntity entity = kept.get(mark.opportunityId());
            if (entity == null) {
                tx.writing().persist(OpportunityStallEntity.of(mark));
            } else {
                entity.apply(mark);
            }
        }
        tx.flush();
    }

    @Override
    public List<Long> reassignOpen(long customerId, String toOwner) {
        return tx.reassign("Opportunity", java.util.Set.of(OpportunityStatus.OPEN), customerId, toOwner);
    }
}
