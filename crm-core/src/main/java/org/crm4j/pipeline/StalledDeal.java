package org.crm4j.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;

/**
 * An open deal found stalled (R25), with why.
 *
 * @param id the deal
 * @param customerId its customer
 * @param pipelineId its pipeline
 * @param title what it is about
 * @param ownerId the responsible salesperson
 * @param stageCode the stage it is in
 * @param amount the expected amount, or null while unknown
 * @param expectedClose when it was expected to close
 * @param stageSince when it entered its stage
 * @param lastActivityAt when something last happened on it (see {@link StallReason#IDLE})
 * @param idleDays whole days since then
 * @param reasons why it is stalled; never empty
 */
public record StalledDeal(OpportunityId id, CustomerId customerId, PipelineId pipelineId, String title, String ownerId,
        String stageCode, Money amount, LocalDate expectedClose, Instant stageSince, Instant lastActivityAt,
        long idleDays, Set<StallReason> reasons) {

    /** Copies the reasons. */
    public StalledDeal {
        reasons = Set.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a stalled deal is stalled for a reason");
        }
    }

    /** @return the expected amount, empty while unknown */
    public Optional<Money> expectedAmount() {
        return Optional.ofNullable(amount);
    }

    /**
     * @param reason a reason
     * @return whether the deal is stalled for it
     */
    public boolean is(StallReason reason) {
        return reasons.contains(reason);
    }
}
