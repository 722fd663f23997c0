package org.crm4j.pipeline;

/** Where a deal stands. */
public enum OpportunityStatus {
    /** Being worked on, in an open stage. */
    OPEN,
    /** Won. */
    WON,
    /** Lost. */
    LOST
}
