package org.crm4j.store;

import org.crm4j.ValidationException;
import org.crm4j.activity.FirstContactKind;

/**
 * One sum of a first-contact report (R9), as a store computes it: a salesperson's first calls or
 * first meetings in one period, and how many of them a deal followed.
 *
 * @param salespersonId who made the first contacts
 * @param period the index of the period in {@link FirstContactSelection#boundaries()}
 * @param kind call or meeting
 * @param contacts how many first contacts of that kind
 * @param followedByDeal how many of them the customer got a deal owned by the salesperson within
 *     the selection's window
 */
public record FirstContactCountRow(String salespersonId, int period, FirstContactKind kind, long contacts,
        long followedByDeal) {

    /** @throws ValidationException when a part is missing */
    public FirstContactCountRow {
        ValidationException.requireNonNull(salespersonId, "salespersonId");
        ValidationException.requireNonNull(kind, "kind");
    }
}
