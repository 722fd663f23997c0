package org.crm4j.lead.store;

import java.time.Instant;
import java.util.List;
import org.crm4j.lead.ContactAttempt;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.Prospect;

/**
 * The stored state of a lead, as the core hands it to a store and gets it back.
 *
 * @param id the id; 0 before the first insert
 * @param version the optimistic version
 * @param campaignId the campaign it came from, or null (an inbound lead without one)
 * @param customerId the customer it is on, or null for a prospect not yet converted
 * @param prospect who it is about while not a customer, or null for a lead on a customer
 * @param keyword the advertising keyword that brought it, or null
 * @param source where it came in (e.g. {@code web form}, {@code fair}), or null
 * @param ownerId the responsible salesperson
 * @param status where it stands
 * @param disqualifyReason why it was disqualified, or null
 * @param attempts the contact attempts, oldest first
 * @param opportunityId the deal it was converted into, or null
 * @param createdBy who opened it
 * @param createdAt when
 * @param updatedAt when it last changed
 * @param matches for an inbound lead, the records it looked like when it was opened (without
 *     details, see {@link DuplicateMatch}), best first; kept as they were
 */
public record LeadRecord(long id, long version, Long campaignId, Long customerId, Prospect prospect, String keyword,
        String source, String ownerId, LeadStatus status, String disqualifyReason, List<ContactAttempt> attempts,
        Long opportunityId, String createdBy, Instant createdAt, Instant updatedAt, List<DuplicateMatch> matches) {

    /** Copies the attempts and matches. */
    public LeadRecord {
        attempts = List.copyOf(attempts);
        matches = List.copyOf(matches);
    }

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the identity a store assigned
     */
    public LeadRecord withIdentity(long newId, long newVersion) {
        return new LeadRecord(newId, newVersion, campaignId, customerId, prospect, keyword, source, ownerId, status,
                disqualifyReason, attempts, opportunityId, createdBy, createdAt, updatedAt, matches);
    }

    /**
     * @param found the records the lead looked like when it was opened, best first
     * @return a copy keeping them, without their details
     */
    public LeadRecord withMatches(List<DuplicateMatch> found) {
        return new LeadRecord(id, version, campaignId, customerId, prospect, keyword, source, ownerId, status,
                disqualifyReason, attempts, opportunityId, createdBy, createdAt, updatedAt,
                found.stream().map(DuplicateMatch::withoutDetails).toList());
    }

    /**
     * @param newOwnerId the new owner
     * @return this record handed to another owner, at the next version (a hand-over, R28)
     */
    public LeadRecord withOwner(String newOwnerId) {
        return new LeadRecord(id, version + 1, campaignId, customerId, prospect, keyword, source, newOwnerId, status, disqualifyReason, attempts, opportunityId, createdBy, createdAt, updatedAt, matches);
    }
}
