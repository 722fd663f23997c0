package org.crm4j.customer;

import java.time.Instant;
import java.time.LocalDate;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;

/**
 * A deal with a customer as the customer card (R2) lists it: what it is about, where it stands
 * and what it is worth, without its competitors and participants. Open the deal itself with
 * {@code Opportunities.get(OpportunityId.of(id))} to see or change everything.
 *
 * @param id the deal's id
 * @param title what the deal is about
 * @param ownerId the responsible salesperson
 * @param pipelineId the deal's pipeline
 * @param stageCode its current stage in that pipeline
 * @param open whether it is still being worked on
 * @param won whether it was won; false while open and when lost
 * @param amount the expected amount, or null while unknown
 * @param probability 0 to 100
 * @param expectedClose when it is expected to close
 * @param createdAt when it was opened
 */
public record OpportunitySummary(long id, String title, String ownerId, long pipelineId, String stageCode,
        boolean open, boolean won, Money amount, int probability, LocalDate expectedClose, Instant createdAt) {

    /** @throws ValidationException when a deal is both open and won, or a required part is missing */
    public OpportunitySummary {
        ValidationException.requireNonNull(title, "opportunity.title");
        ValidationException.requireNonNull(ownerId, "opportunity.ownerId");
        ValidationException.requireNonNull(stageCode, "opportunity.stageCode");
        ValidationException.requireNonNull(createdAt, "opportunity.createdAt");
        if (open && won) {
            throw new ValidationException("opportunity.won", "Closed", "an open deal is not won yet");
        }
    }
}
