package org.crm4j.lead;

/** Where a lead stands: new → contacted → qualified → converted, or disqualified on the way. */
public enum LeadStatus {
    /** Opened, nobody has contacted the customer yet. */
    NEW,
    /** At least one contact attempt was recorded. */
    CONTACTED,
    /** Found worth a deal; it may be converted. */
    QUALIFIED,
    /** Converted into an opportunity (and, for a prospect, a customer). */
    CONVERTED,
    /** Found not worth a deal, for a reason. */
    DISQUALIFIED
}
