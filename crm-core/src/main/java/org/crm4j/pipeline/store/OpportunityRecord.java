package org.crm4j.pipeline.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.crm4j.common.Money;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.Participant;

/**
 * The stored state of an opportunity, as the core hands it to a store and gets it back.
 *
 * @param id the id; 0 before the first insert
 * @param version the optimistic version
 * @param customerId the customer
 * @param ownerId the responsible salesperson
 * @param pipelineId the pipeline
 * @param stageCode the current stage
 * @param status open, won or lost
 * @param title what the deal is about
 * @param amount the expected amount in the pipeline's currency, or null while unknown
 * @param probability 0 to 100
 * @param probabilityReason why the probability differs from the stage's default, or null
 * @param expectedClose when it is expected to close
 * @param source where it came from (e.g. {@code campaign:12}), or null
 * @param competitors competitors involved
 * @param participants contact persons involved
 * @param closeReason why it was won or lost, or null while open
 * @param closeNote free text about the decision, or null
 * @param lostTo the competitor who won, or null
 * @param priceGap how much cheaper the winner was, or null
 * @param stageSince when it entered the current stage
 * @param createdAt when it was opened
 * @param updatedAt when it last changed
 */
public record OpportunityRecord(long id, long version, long customerId, String ownerId, long pipelineId,
        String stageCode, OpportunityStatus status, String title, Money amount, int probability,
        String probabilityReason, LocalDate expectedClose, String source, Set<String> competitors,
        List<Participant> participants, String closeReason, String closeNote, String lostTo, Money priceGap,
        Instant stageSince, Instant createdAt, Instant updatedAt) {

    /** Copies the collections. */
    public OpportunityRecord {
        competitors = Set.copyOf(competitors);
        participants = List.copyOf(participants);
    }

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the identity a store assigned
     */
    public OpportunityRecord withIdentity(long newId, long newVersion) {
        return new OpportunityRecord(newId, newVersion, customerId, ownerId, pipelineId, stageCode, status, title,
                amount, probability, probabilityReason, expectedClose, source, competitors, participants, closeReason,
                closeNote, lostTo, priceGap, stageSince, createdAt, updatedAt);
    }

    /**
     * @param newOwnerId the new owner
     * @return this record handed to another owner, at the next version (a hand-over, R28)
     */
    public OpportunityRecord withOwner(String newOwnerId) {
        return new OpportunityRecord(id, version + 1, customerId, newOwnerId, pipelineId, stageCode, status, title, amount, probability, probabilityReason, expectedClose, source, competitors, participants, closeReason, closeNote, lostTo, priceGap, stageSince, createdAt, updatedAt);
    }
}
