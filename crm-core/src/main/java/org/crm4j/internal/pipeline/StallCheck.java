package org.crm4j.internal.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.crm4j.customer.CustomerId;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StallReason;
import org.crm4j.pipeline.StalledDeal;
import org.crm4j.store.Keyset;
import org.crm4j.store.StallQuery;
import org.crm4j.store.StalledRow;
import org.crm4j.store.Visibility;

/**
 * Stall criteria fixed at one instant: the store query they stand for, and why a row the store
 * found is stalled. A deal is idle when its last activity lies {@code idleDays} days or more back;
 * overdue when it was expected to close before today (in the zone of the CRM's clock).
 */
final class StallCheck {
    private final StallCriteria criteria;
    private final Instant now;
    private final Instant idleSince;
    private final LocalDate closeBefore;

    private StallCheck(StallCriteria criteria, Instant now, ZoneId zone) {
        this.criteria = criteria;
        this.now = now;
        this.idleSince = now.minus(Duration.ofDays(criteria.idleDays()));
        this.closeBefore = criteria.pastExpectedClose() ? LocalDate.ofInstant(now, zone) : null;
    }

    static StallCheck of(StallCriteria criteria, Instant now, ZoneId zone) {
        return new StallCheck(criteria, now, zone);
    }

    StallQuery query(Visibility visibility, Keyset after, int limit) {
        PipelineId pipeline = criteria.pipelineId();
        return new StallQuery(idleSince, closeBefore, pipeline == null ? null : pipeline.value(), visibility, after,
                limit);
    }

    Set<StallReason> reasons(StalledRow row) {
        Set<StallReason> reasons = EnumSet.noneOf(StallReason.class);
        if (!row.lastActivityAt().isAfter(idleSince)) {
            reasons.add(StallReason.IDLE);
        }
        if (closeBefore != null && row.expectedClose().isBefore(closeBefore)) {
            reasons.add(StallReason.OVERDUE);
        }
        return reasons;
    }

    long idleDays(StalledRow row) {
        return Math.max(0, Duration.between(row.lastActivityAt(), now).toDays());
    }

    StalledDeal toDeal(StalledRow row) {
        return new StalledDeal(OpportunityId.of(row.id()), CustomerId.of(row.customerId()),
                PipelineId.of(row.pipelineId()), row.title(), row.ownerId(), row.stageCode(), row.amount(),
                row.expectedClose(), row.stageSince(), row.lastActivityAt(), idleDays(row), reasons(row));
    }
}
