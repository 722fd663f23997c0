package org.crm4j.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a listener gave up on after the configured number of attempts
 * ({@code Crm.Builder.eventAttempts}). It waits for an operator, and so do the later events of its
 * aggregate for that listener, so that the listener never sees them out of order; see
 * {@link Events}.
 *
 * @param sequence the event's position in the outbox
 * @param eventId the event's id
 * @param type the event's type
 * @param aggregateType the kind of record it is about
 * @param aggregateId that record's id
 * @param listenerId the listener that gave up
 * @param attempts how many deliveries failed
 * @param lastError what the listener threw last, shortened
 * @param since when it was given up
 * @param waiting how many later events of the same aggregate wait behind it
 */
public record DeadLetter(long sequence, UUID eventId, String type, String aggregateType, long aggregateId,
        String listenerId, int attempts, String lastError, Instant since, long waiting) {
}
