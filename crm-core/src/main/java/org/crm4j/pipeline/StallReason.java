package org.crm4j.pipeline;

/** Why an open deal counts as stalled (R25); a deal may be stalled for both reasons at once. */
public enum StallReason {
    /**
     * Nothing happened on the deal for the number of days asked for: no stage move and no other
     * change. Every change saved on a deal counts as activity on it; activities logged on it will
     * count too.
     */
    IDLE,
    /** It is still open although the date it was expected to close on has passed. */
    OVERDUE
}
