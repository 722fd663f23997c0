package org.crm4j.persistence.memory;

import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.store.Visibility;

/**
 * Need-to-know (R28), in one place: every check of the in-memory store whether an actor may see
 * something asks one of these questions. A record on a customer is seen by whoever covers its own
 * owner or the customer's; a customer's details by whoever covers its owner or the owner of an open
 * deal, open lead or planned activity on it; what is about a user by whoever covers that user.
 */
final class MemoryNeedToKnow {
    /** The statuses of a lead still worked on. */
    private static final java.util.Set<org.crm4j.lead.LeadStatus> OPEN_LEADS = java.util.EnumSet.of(
            org.crm4j.lead.LeadStatus.NEW, org.crm4j.lead.LeadStatus.CONTACTED, org.crm4j.lead.LeadStatus.QUALIFIED);
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
        if (v.covers(customer.ownerId())) {
            return true;
        }
        long id = customer.id();
        return data.opportunities.values().stream().anyMatch(o -> o.customerId() == id
                        && o.status() == org.crm4j.pipeline.OpportunityStatus.OPEN && v.covers(o.ownerId()))
                || data.leads.values().stream().anyMatch(l -> l.customerId() != null && l.customerId() == id
                        && OPEN_LEADS.contains(l.status()) && v.covers(l.ownerId()))
                || data.activities.values().stream().anyMatch(a -> a.customerId() == id
                        && a.status() == org.crm4j.activity.ActivityStatus.PLANNED && v.covers(a.ownerId()));
    }

    /**
     * @param v the actor's visibility
     * @param customerId a customer
     * @return whether the actor may change it: they cover its owner
     */
    boolean customerLine(Visibility v, long customerId) {
        CustomerRecord customer = data.customers.get(customerId);
        return customer != null && v.covers(customer.ownerId());
    }

    /**
     * @param v the actor's visibility
     * @param customerId the customer an event is about, or null
     * @return whether the event is in the actor's change feed: they cover the customer's owner; an
     *     event about no customer only when they see everything
     */
    boolean feed(Visibility v, Long customerId) {
        return customerId == null ? v.all() : customerLine(v, customerId);
    }

    /**
     * @param v the actor's visibility
     * @param customerId the customer the record hangs off, or null when it has none (a prospect's lead)
     * @param recordOwnerId the record's own owner
     * @return whether the actor may see the record
     */
    boolean record(Visibility v, Long customerId, String recordOwnerId) {
        if (v.covers(recordOwnerId)) {
            return true;
        }
        CustomerRecord customer = customerId == null ? null : data.customers.get(customerId);
        return customer != null && v.covers(customer.ownerId());
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
