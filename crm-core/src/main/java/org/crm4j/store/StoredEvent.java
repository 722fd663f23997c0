package org.crm4j.store;

import org.crm4j.event.DomainEvent;

/**
 * An event in the outbox.
 *
 * @param sequence its position in the outbox; events are delivered in this order
 * @param event the event
 * @param attempts how many deliveries failed so far
 */
public record StoredEvent(long sequence, DomainEvent event, int attempts) {
}
