package org.crm4j.sync;

/** What became of a change a point of sale sent back. */
public enum SyncOutcome {
    /** A new record was made of it. */
    CREATED,
    /** It was applied to the central record. */
    APPLIED,
    /** It came before under the same id; nothing changed now. */
    ALREADY_RECEIVED,
    /**
     * The central record changed since the point of sale read it: the central version stays, and
     * what the point of sale wrote is kept as a note on the customer.
     */
    CONFLICT
}
