package org.crm4j.customer;

/** What a kept document was made from, which also says who may see it. */
public enum DocumentOrigin {
    /** An offer's document: seen by whoever may see the offer's deal. */
    OFFER,
    /** A service's contract: seen by whoever may see the service (the customer's line or its salesperson's). */
    SERVICE_CONTRACT,
    /** Any other paper given for the customer: seen by the customer's line and the line of whoever kept it. */
    OTHER
}
