package org.crm4j.pipeline;

/** Where an offer stands. Only a draft is edited; a sent offer is accepted, rejected or expires. */
public enum OfferStatus {
    /** Being written; lines and terms may change. */
    DRAFT,
    /** Sent to the customer; waiting for the decision. */
    SENT,
    /** The customer accepted it; it can be turned into a sales order. */
    ACCEPTED,
    /** The customer declined it, for a recorded reason. */
    REJECTED,
    /** It was not decided before it stopped being valid. */
    EXPIRED
}
