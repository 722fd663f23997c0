package org.crm4j.campaign;

/** Where a campaign stands: planned → running → ended, each step taken explicitly. */
public enum CampaignStatus {
    /** Defined, not yet started. */
    PLANNED,
    /** Started with {@link Campaign#start()}. */
    RUNNING,
    /** Ended with {@link Campaign#end()}; kept for its results (R5). */
    ENDED
}
