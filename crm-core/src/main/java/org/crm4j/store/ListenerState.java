package org.crm4j.store;

/** Where one listener stands with one event of the outbox. */
public enum ListenerState {
    /** The listener had the event. */
    DONE,
    /** The listener threw; the event comes again on the next delivery. */
    FAILED,
    /** The listener threw as often as allowed; the event waits for an operator, and so do the later events of its aggregate. */
    DEAD,
    /** An operator let the listener go past the event without having it. */
    SKIPPED
}
