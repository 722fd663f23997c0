package org.crm4j.activity;

/** Who called whom, for a phone call. */
public enum CallDirection {
    /** The customer called. */
    INBOUND,
    /** The salesperson called. */
    OUTBOUND
}
