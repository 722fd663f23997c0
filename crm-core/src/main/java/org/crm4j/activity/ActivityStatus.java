package org.crm4j.activity;

/** Whether an activity is still ahead or happened: planned → done. */
public enum ActivityStatus {
    /** Scheduled, not yet done. */
    PLANNED,
    /** Done, with its outcome. */
    DONE
}
