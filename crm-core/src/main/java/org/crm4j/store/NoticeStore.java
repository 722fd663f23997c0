package org.crm4j.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crm4j.notify.Notice;

/**
 * Notices, their deliveries per channel, and the inbox, in a store. A notice exists at most once
 * per key and recipient; the store holds that rule (in a database, with a unique constraint), so
 * concurrent creators make one. A delivery is claimed by one worker at a time: claiming is a
 * conditional write that only one of two concurrent workers wins (also on two nodes), and a
 * claim whose lease ended may be taken over.
 */
public interface NoticeStore {

    /**
     * @param keys notice keys
     * @return for each key that has notices, their recipients
     */
    Map<String, Set<String>> recipientsByKey(Collection<String> keys);

    /**
     * @param draft a new notice
     * @param channels the channels it is to be delivered through, each a pending delivery
     * @return it, with its id
     * @throws org.crm4j.ConflictException when the recipient has a notice with that key already
     *     (also one written concurrently)
     */
    Notice insert(NoticeDraft draft, Collection<String> channels);

    /**
     * Claims pending deliveries: those of the given channels that nobody holds (or whose holder's
     * lease ended before {@code now}) and that may be tried at {@code now}, oldest first.
     *
     * @param channels the channels the worker delivers through
     * @param now the time of the claim
     * @param leaseUntil until when the claim holds
     * @param token the worker's claim token
     * @param limit how many at most
     * @return the deliveries this worker now holds
     */
    List<ClaimedDelivery> claim(Collection<String> channels, Instant now, Instant leaseUntil, String token, int limit);

    /**
     * Records how claimed deliveries ended, for those whose claim is still this worker's.
     *
     * @param results how the deliveries ended
     * @param token the claim token they were claimed with
     * @param at when
     * @return the ids of the deliveries recorded; one missing had its lease end and was taken over
     *     by another worker, and nothing was written for it
     */
    Set<Long> finish(List<DeliveryResult> results, String token, Instant at);

    /**
     * Puts notices in their recipients' inboxes; once (a notice there already keeps its time).
     *
     * @param noticeIds notices
     * @param at when
     */
    void putInInbox(Collection<Long> noticeIds, Instant at);

    /**
     * @param id a notice
     * @param recipientId whose inbox it must be in (the condition is part of the query)
     * @return it, if it exists and is in that recipient's inbox
     */
    Optional<Notice> find(long id, String recipientId);

    /**
     * @param recipientId an employee
     * @param after where the previous page ended (arrival as an {@link Instant}, and id), or null
     * @param limit how many at most
     * @return the notices in their inbox after the keyset, latest arrival first, then highest id
     */
    List<Notice> inbox(String recipientId, Keyset after, int limit);

    /**
     * @param recipientId an employee
     * @return how many notices in their inbox are unread
     */
    long unreadCount(String recipientId);

    /**
     * @param id a notice
     * @param recipientId who it must be for
     * @param readAt when it was read, or null to make it unread; a read notice keeps its first time
     * @return whether it is in that recipient's inbox (when not, nothing changed)
     */
    boolean markRead(long id, String recipientId, Instant readAt);

    /**
     * A customer's hand-over (R28): the notices about the customer in the former owner's inbox
     * move to the new owner's; where the new owner has the same notice already, the former owner's
     * copy is removed with its deliveries.
     *
     * @param customerId the customer
     * @param fromRecipient its former owner
     * @param toRecipient its new owner
     * @return how many notices left the former owner's inbox
     */
    int readdress(long customerId, String fromRecipient, String toRecipient);
}
