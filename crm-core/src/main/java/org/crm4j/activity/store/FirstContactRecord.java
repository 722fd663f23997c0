package org.crm4j.activity.store;

import java.time.Instant;
import org.crm4j.ValidationException;
import org.crm4j.activity.FirstContactKind;

/**
 * One entry of the first-contact ledger (R9): a salesperson's first call or first meeting with a
 * customer, at most one of each kind per salesperson and customer.
 *
 * @param salespersonId who made it
 * @param customerId the customer
 * @param kind call or meeting
 * @param contactId the contact person it was with
 * @param activityId the activity logged for it
 * @param at when it took place
 */
public record FirstContactRecord(String salespersonId, long customerId, FirstContactKind kind, long contactId,
        long activityId, Instant at) {

    /** @throws ValidationException when a part is missing */
    public FirstContactRecord {
        ValidationException.requireNonNull(salespersonId, "salespersonId");
        ValidationException.requireNonNull(kind, "kind");
        ValidationException.requireNonNull(at, "at");
    }
}
