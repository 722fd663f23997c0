package org.crm4j.store;

/** Where the delivery of a notice through one channel stands. */
public enum DeliveryState {
    /** Not delivered yet: waiting, claimed by a worker, or waiting to be tried again. */
    PENDING,
    /** Delivered. */
    SENT,
    /** The channel cannot reach the recipient; not tried again. */
    UNREACHABLE,
    /** Failed too often; not tried again. */
    FAILED
}
