package org.crm4j.mailing.store;

import java.time.Instant;
import org.crm4j.mailing.RecipientStatus;
import org.crm4j.mailing.SkipReason;

/**
 * One recipient of a mailing as stored: a contact person of a customer or an employee, with what
 * the message to them needs (written down when the audience is fixed) and where the sending to
 * them stands. A mailing has at most one recipient per key, which a store holds with a unique rule.
 *
 * @param id the id; 0 before the insert
 * @param mailingId the mailing
 * @param recipientKey {@code contact:<id>} or {@code user:<id>}
 * @param contactId the contact person, or null for an employee
 * @param customerId the contact's customer, or null for an employee
 * @param customerName the customer's name, or null
 * @param customerOwnerId the customer's owner (the activity's owner), or null
 * @param userId the employee, or null for a contact person
 * @param name the recipient's name
 * @param email the address, or null when there is none (skipped)
 * @param status where it stands
 * @param skipReason why it is skipped, or null
 * @param attempts how many times the mail sender failed on it
 * @param lastError the mail sender's last failure, or null
 * @param claimToken the sending run that claimed it, or null
 * @param claimedAt when it was claimed, or null
 * @param sentAt when it was sent, or null
 * @param activityId the e-mail activity recorded on the customer's history, or null
 */
public record RecipientRecord(long id, long mailingId, String recipientKey, Long contactId, Long customerId,
        String customerName, String customerOwnerId, String userId, String name, String email,
        RecipientStatus status, SkipReason skipReason, int attempts, String lastError, String claimToken,
        Instant claimedAt, Instant sentAt, Long activityId) {

    /**
     * @param contactId a contact person
     * @return the key of that contact as a recipient
     */
    public static String contactKey(long contactId) {
        return "contact:" + contactId;
    }

    /**
     * @param userId an employee
     * @return the key of that employee as a recipient
     */
    public static String userKey(String userId) {
        return "user:" + userId;
    }

    /**
     * @param newId the assigned id
     * @return a copy with it
     */
    public RecipientRecord withId(long newId) {
        return new RecipientRecord(newId, mailingId, recipientKey, contactId, customerId, customerName,
                customerOwnerId, userId, name, email, status, skipReason, attempts, lastError, claimToken, claimedAt,
                sentAt, activityId);
    }
}
