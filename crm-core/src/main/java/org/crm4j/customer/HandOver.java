package org.crm4j.customer;

/**
 * What a customer's hand-over to another owner does with the work open on it (R28).
 */
public enum HandOver {
    /**
     * The default: the customer's open deals, open leads and planned activities go to the new owner,
     * and the notices about the customer leave the former owner's inbox for the new owner's. Closed
     * records keep their owner.
     */
    MOVE_OPEN_RECORDS,
    /** Only the customer changes hands; every record on it keeps its owner. */
    KEEP_OPEN_RECORDS
}
