package org.crm4j.plugin;

import org.crm4j.event.DomainEvent;

/**
 * Receives domain events from the outbox, in order per aggregate, at least once: an event whose
 * delivery failed is delivered again on the next {@code Crm.deliverEvents()}, so listeners use
 * {@link DomainEvent#id()} to stay idempotent. A listener that throws delays the later events of
 * the same aggregate until it succeeds; other aggregates go on.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * @param event the event
     * @throws Exception when it could not be handled; it will come again
     */
    void onEvent(DomainEvent event) throws Exception;
}
