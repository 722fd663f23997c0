package org.crm4j.store;

/**
 * One listener's progress on one event of the outbox.
 *
 * @param sequence the event
 * @param listenerId the listener
 * @param state where it stands
 * @param attempts how many deliveries to the listener failed
 * @param lastError what the listener threw last, shortened; or null
 */
public record ListenerOutcome(long sequence, String listenerId, ListenerState state, int attempts, String lastError) {

    /** The longest error text kept. */
    public static final int MAX_ERROR = 1000;

    /** Shortens the error text. */
    public ListenerOutcome {
        if (lastError != null && lastError.length() > MAX_ERROR) {
            lastError = lastError.substring(0, MAX_ERROR);
        }
    }

    /** @return whether the listener is done with the event (it had it, or an operator skipped it) */
    public boolean done() {
        return state == ListenerState.DONE || state == ListenerState.SKIPPED;
    }
}
