package org.crm4j.spi;

import java.util.Optional;
import java.util.List;
import org.crm4j.activity.ActivityRecord;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.FirstContactRecord;

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
}
