package org.crm4j.persistence.memory;

import org.crm4j.customer.CustomerRecord;
import org.crm4j.spi.Visibility;

/**
 * Need-to-know, in one place: every check of the in-memory store whether an actor may see
 * something asks one of these three questions, so a new rule is written here once.
 */
final class MemoryNeedToKnow {
    /** The store's state, for a rule that looks up a customer's owner by the customer's id. */
    private final MemoryData data;

    MemoryNeedToKnow(MemoryData data) {
        this.data = data;
    }

    /**
     * @param v the actor's visibility
     * @param customer a stored customer
     * @return whether the actor may read the customer's details
     */
    boolean customerDetails(Visibility v, CustomerRecord customer) {
        return v.covers(customer.ownerId());
    }

    /**
     * @param v the actor's visibility
     * @param customerId the customer the record hangs off, or null when it has none (a prospect's lead)
     * @param recordOwnerId the owner the record is checked by: its own owner, or its customer's
     *     owner for a record that has none (a competitor contract)
     * @return whether the actor may see the record
     */
    boolean record(Visibility v, Long customerId, String recordOwnerId) {
        return v.covers(recordOwnerId);
    }

    /**
     * @param v the actor's visibility
     * @param userId a user: a salesperson whose figures are counted, a campaign's or mailing's owner
     * @return whether the actor may see what belongs to that user
     */
    boolean user(Visibility v, String userId) {
        return v.covers(userId);
    }
}
