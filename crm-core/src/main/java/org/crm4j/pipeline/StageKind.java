package org.crm4j.pipeline;

/** What reaching a stage means for a deal. */
public enum StageKind {
    /** The deal is being worked on. */
    OPEN,
    /** The deal is won (probability 100). */
    WON,
    /** The deal is lost (probability 0). */
    LOST
}
