package org.crm4j.store;

import java.util.List;
import java.util.Optional;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.store.FirstContactRecord;
import org.crm4j.activity.ScheduleCount;

/**
 * Activities and the first-contact ledger in a store. Need-to-know is the deals' one: an activity
 * is found with a visibility only when its owner is covered by it. A salesperson has at most one
 * ledger entry of each kind per customer; the store holds that rule (in a database, with a unique
 * constraint).
 */
public interface ActivityStore {

    /**
     * @param activity a new activity (id 0)
     * @return it with its id and version 0
     */
    ActivityRecord insert(ActivityRecord activity);

    /**
     * @param activity a changed activity carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    ActivityRecord update(ActivityRecord activity);

    /**
     * @param id an activity
     * @param visibility applied in the query, to the activity's owner
     * @return it, if it exists and is visible
     */
    Optional<ActivityRecord> find(long id, Visibility visibility);

    /**
     * @param id an activity
     * @return whether it exists at all
     */
    boolean exists(long id);

    /**
     * @param customerId a customer
     * @param visibility applied in the query, to the activities' owners
     * @param after where the previous page ended (the last start as an {@link java.time.Instant}
     *     and id), or null for the first page
     * @param limit how many at most
     * @return its visible activities after the keyset, latest start first, then highest id
     */
    List<ActivityRecord> ofCustomer(long customerId, Visibility visibility, Keyset after, int limit);

    /**
     * @param salespersonId a salesperson
     * @param customerId a customer
     * @param kind call or meeting
     * @return the salesperson's ledger entry of that kind with the customer, if there is one
     */
    Optional<FirstContactRecord> firstContact(String salespersonId, long customerId, FirstContactKind kind);

    /**
     * @param entry a new ledger entry
     * @throws org.crm4j.ConflictException when the salesperson has an entry of its kind with the
     *     customer already (also one written concurrently)
     */
    void recordFirstContact(FirstContactRecord entry);

    /**
     * @param selection the period and the statuses
     * @param visibility applied in the query, to the activities' owners: whose schedule it is
     * @param after where the previous page ended (the last start as an {@link java.time.Instant}
     *     and id), or null for the first page
     * @param limit how many at most
     * @return the selected activities after the keyset, earliest start first, then lowest id
     */
    List<ActivityRecord> schedule(ScheduleSelection selection, Visibility visibility, Keyset after, int limit);

    /**
     * @param selection the period and the statuses
     * @param visibility applied in the query, to the activities' owners
     * @return per owner with any selected activity, how many are planned and done, by owner; in
     *     one aggregate where the store speaks SQL
     */
    List<ScheduleCount> scheduleCounts(ScheduleSelection selection, Visibility visibility);

    /**
     * Sums the first-contact ledger for a report: per salesperson, period and kind, the first
     * contacts and how many a deal followed, in one aggregate where the store speaks SQL.
     *
     * @param selection the periods and the deal window
     * @param visibility applied in the query, to the salespeople of the ledger (a deal counts when
     *     its owner is the salesperson)
     * @return the non-empty sums, in no particular order
     */
    List<FirstContactCountRow> firstContactCounts(FirstContactSelection selection, Visibility visibility);

    /**
     * A customer's hand-over (R28): all its planned activities go to the new owner, each with its version moved
     * on (someone editing one gets a conflict, not a lost change); closed ones keep their owner.
     *
     * @param customerId the customer
     * @param toOwner its new owner
     * @return the ids of the activities moved
     */
    List<Long> reassignPlanned(long customerId, String toOwner);
}
