package org.crm4j.activity;

/** The first contacts a salesperson records once per customer (R9). */
public enum FirstContactKind {
    /** The first phone call. */
    CALL,
    /** The first meeting. */
    MEETING
}
