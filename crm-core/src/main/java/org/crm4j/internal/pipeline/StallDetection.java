package org.crm4j.internal.pipeline;

import org.crm4j.store.OpportunityStore;
import org.crm4j.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StallReason;
import org.crm4j.pipeline.StallReport;
import org.crm4j.store.StallMark;
import org.crm4j.store.StalledRow;
import org.crm4j.store.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;

/**
 * Announces stalled deals (R25) once per stall: every deal the criteria find stalled, whose stall
 * was not announced yet, gets an {@link EventTypes#OPPORTUNITY_STALLED} event, written to the outbox
 * in the same transaction as the mark that it was announced. The mark is kept beside the deal, so
 * the deal's version does not move and nobody editing it meets a conflict. A deal is announced
 * again when it is idle after newer activity, or overdue with another expected close date.
 *
 * <p>Each run looks at every deal (it acts for the system, not for a user) and flags at most
 * {@link StallCriteria#limit()} deals in one transaction; concurrent runs in one JVM run one after
 * the other.
 */
public final class StallDetection {
    private static final Logger LOG = LoggerFactory.getLogger(StallDetection.class);
    /** Who raises the events of a detection run. */
    public static final Actor SYSTEM = Actor.of("crm4j");

    private final Runtime rt;
    private final ReentrantLock lock = new ReentrantLock();

    /** @param rt the runtime */
    public StallDetection(Runtime rt) {
        this.rt = rt;
    }

    /**
     * @param criteria what counts as stalled; its limit bounds the run
     * @return how many stalls were announced and whether more remain
     * @throws ValidationException when the criteria are missing or carry a page token
     */
    public StallReport detect(StallCriteria criteria) {
        Assert.notNull(criteria, "criteria");
        if (criteria.pageToken() != null) {
            throw new ValidationException("pageToken", "Null", "a detection run reads no pages; it continues where"
                    + " the previous run stopped by itself");
        }
        int limit = criteria.limit();
        lock.lock();
        try {
            Instant now = rt.now();
            StallCheck check = StallCheck.of(criteria, now, rt.clock().getZone());
            StallReport report = rt.store().inTransaction(tx -> {
                List<StalledRow> rows = tx.store(OpportunityStore.class).unannouncedStalls(
                        check.query(Visibility.everything(), null, limit + 1));
                boolean more = rows.size() > limit;
                List<StalledRow> batch = more ? rows.subList(0, limit) : rows;
                List<StallMark> marks = new ArrayList<>(batch.size());
                List<DomainEvent> events = new ArrayList<>(batch.size());
                for (StalledRow row : batch) {
                    Set<StallReason> reasons = check.reasons(row);
                    String names = reasons.stream().map(Enum::name).collect(Collectors.joining(","));
                    boolean idle = reasons.contains(StallReason.IDLE);
                    boolean overdue = reasons.contains(StallReason.OVERDUE);
                    marks.add(new StallMark(row.id(), idle ? row.lastActivityAt() : null,
                            overdue ? row.expectedClose() : null, names, now));
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("reasons", names);
                    data.put("idleDays", Long.toString(check.idleDays(row)));
                    data.put("lastActivityAt", row.lastActivityAt().toString());
                    data.put("expectedClose", row.expectedClose().toString());
                    data.put("stage", row.stageCode());
                    data.put("owner", row.ownerId());
                    data.put("title", row.title());
                    events.add(rt.event(SYSTEM, EventTypes.OPPORTUNITY_STALLED, "opportunity", row.id(),
                            row.customerId(), now, data));
                }
                if (!batch.isEmpty()) {
                    tx.store(OpportunityStore.class).markStallsAnnounced(marks);
                    tx.store(EventStore.class).append(events);
                }
                return new StallReport(batch.size(), more);
            });
            if (report.flagged() > 0) {
                LOG.debug("Announced {} stalled deals{}", report.flagged(), report.more() ? ", more remain" : "");
            }
            return report;
        } finally {
            lock.unlock();
        }
    }
}
