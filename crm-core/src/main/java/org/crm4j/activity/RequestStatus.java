package org.crm4j.activity;

/**
 * Where a request stands: open → answered → closed; an answered or closed request may be
 * reopened, and is open again.
 */
public enum RequestStatus {
    /** Waiting for an answer; overdue once its due time has passed. */
    OPEN,
    /** Answered; it may be closed, or reopened when the answer did not settle it. */
    ANSWERED,
    /** Settled; only reopening changes it again. */
    CLOSED
}
