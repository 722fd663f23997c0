package org.crm4j.activity;

/** What a customer's request is. */
public enum RequestKind {
    /** A question to be answered. */
    QUESTION,
    /** A complaint. */
    COMPLAINT,
    /** A request for a service: a change, a visit, a repair ... */
    SERVICE_REQUEST
}
