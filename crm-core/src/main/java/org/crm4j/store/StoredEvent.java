package org.crm4j.store;

import java.time.Instant;
import java.util.Map;
import org.crm4j.event.DomainEvent;

/**
 * An undelivered event in the outbox.
 *
 * @param sequence its position in the outbox; events are delivered in this order per aggregate
 * @param event the event
 * @param claimedBy the claim of the worker delivering it, or null
 * @param claimedUntil when that claim ends, or null
 * @param progress each listener's progress on it, by listener id; a listener not named has not had
 *     it yet
 */
public record StoredEvent(long sequence, DomainEvent event, String claimedBy, Instant claimedUntil,
        Map<String, ListenerOutcome> progress) {

    /** Copies the progress. */
    public StoredEvent {
        progress = Map.copyOf(progress);
    }

    /**
     * @param now the current instant
     * @param token a worker's claim
     * @return whether another worker holds the event at that instant
     */
    public boolean heldByAnother(Instant now, String token) {
        return claimedBy != null && !claimedBy.equals(token) && claimedUntil != null && claimedUntil.isAfter(now);
    }
}
