package org.crm4j.activity;

/** How a service standard was not met. */
public enum ShortfallKind {
    /** A customer was not contacted within the days of its {@link ServiceStandard.ContactEvery}. */
    NOT_CONTACTED,
    /** A request was answered after its due time. */
    ANSWERED_LATE,
    /** A request is still open after its due time. */
    UNANSWERED_OVERDUE,
    /** An activity was recorded done later after it ended than its {@link ServiceStandard.LogWithin} allows. */
    LOGGED_LATE
}
