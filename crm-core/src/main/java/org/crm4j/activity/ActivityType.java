package org.crm4j.activity;

/** What kind of contact with a customer an activity is. */
public enum ActivityType {
    /** A phone call, inbound or outbound (see {@link CallDirection}). */
    CALL,
    /** A meeting. */
    MEETING,
    /** An e-mail. */
    EMAIL,
    /** A task to be done for the customer. */
    TASK,
    /** A note of something that happened. */
    NOTE,
    /**
     * A customer's question, complaint or service request, tracked until answered; logged and
     * answered through {@link Requests}, which keep its state beside the activity.
     */
    REQUEST
}
