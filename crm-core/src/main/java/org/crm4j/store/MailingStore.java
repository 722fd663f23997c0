package org.crm4j.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crm4j.customer.Purpose;
import org.crm4j.mailing.store.MailingRecord;
import org.crm4j.mailing.store.RecipientRecord;

/**
 * Mailings and their recipients in a store. A mailing is found with a visibility only when its
 * owner is covered by it. A mailing has at most one recipient per recipient key (in a database, a
 * unique constraint), and a recipient is claimed by one sending run at a time: the claim is a
 * conditional write in the store, never a read followed by a write.
 */
public interface MailingStore {

    /**
     * @param mailing a new mailing (id 0)
     * @return it with its id and version 0
     */
    MailingRecord insert(MailingRecord mailing);

    /**
     * @param mailing a changed mailing carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    MailingRecord update(MailingRecord mailing);

    /**
     * @param id a mailing
     * @param visibility applied in the query, to the mailing's owner
     * @return it, if it exists and is visible
     */
    Optional<MailingRecord> find(long id, Visibility visibility);

    /**
     * @param id a mailing
     * @return whether it exists at all
     */
    boolean exists(long id);

    /**
     * The contact persons of some customers with their first e-mail address, their consent for a
     * purpose and whether they unsubscribed, in one query where the store speaks SQL.
     *
     * @param customerIds customers (the caller found them with its visibility)
     * @param purpose the mailing's purpose
     * @return one candidate per contact person of those customers, by customer and contact id
     */
    List<RecipientCandidate> candidates(Collection<Long> customerIds, Purpose purpose);

    /**
     * @param mailingId a mailing
     * @param keys recipient keys
     * @return those of the keys the mailing has a recipient for already
     */
    Set<String> existingKeys(long mailingId, Collection<String> keys);

    /**
     * @param recipients new recipients (id 0) of one mailing, with keys it has no recipient for
     * @throws org.crm4j.ConflictException when another transaction wrote one of the keys meanwhile
     */
    void insertRecipients(List<RecipientRecord> recipients);

    /**
     * Claims recipients for a sending run: pending and failed ones, and claimed ones whose claim is
     * older than {@code staleBefore}, lowest id first. Two runs never claim the same recipient.
     *
     * @param mailingId a mailing
     * @param token the run's claim token
     * @param now when
     * @param staleBefore claims made before this are abandoned and taken over
     * @param limit how many at most
     * @return the recipients claimed by this call, lowest id first
     */
    List<RecipientRecord> claim(long mailingId, String token, Instant now, Instant staleBefore, int limit);

    /**
     * @param recipientId a recipient claimed by the token
     * @param token the run's claim token
     * @param at when it was sent
     * @param activityId the e-mail activity recorded for it, or null
     * @return whether the recipient was still claimed by the token (and is now sent)
     */
    boolean markSent(long recipientId, String token, Instant at, Long activityId);

    /**
     * @param recipientId a recipient claimed by the token
     * @param token the run's claim token
     * @param error what the mail sender said, at most 1000 characters
     */
    void markFailed(long recipientId, String token, String error);

    /**
     * Gives the recipients the token still holds back as pending.
     *
     * @param mailingId a mailing
     * @param token the run's claim token
     */
    void release(long mailingId, String token);

    /**
     * @param mailingId a mailing
     * @return how many recipients it has per status and skip reason, in one query
     */
    List<RecipientCount> counts(long mailingId);
}
