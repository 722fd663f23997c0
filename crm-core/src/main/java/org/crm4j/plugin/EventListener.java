package org.crm4j.plugin;

import org.crm4j.event.DomainEvent;

/**
 * Receives domain events from the outbox, in order per aggregate, at least once, whichever node
 * delivers them: an event whose delivery failed is delivered again on the next
 * {@code Crm.deliverEvents()}, so listeners use {@link DomainEvent#id()} (or the event's sequence
 * number, see {@link #onEvent(DomainEvent, long)}) to stay idempotent. A listener that throws
 * delays the later events of the same aggregate, for itself only, until it succeeds; other
 * aggregates and other listeners go on. After {@code Crm.Builder.eventAttempts} failures the event
 * is a dead letter for the listener (see {@link org.crm4j.event.Events}).
 *
 * <p>Each listener keeps its own progress under its {@link #id() id}, which must stay the same
 * from one start of the host to the next.
 */
@FunctionalInterface
public interface EventListener {

    /**
     * @param event the event
     * @throws Exception when it could not be handled; it will come again
     */
    void onEvent(DomainEvent event) throws Exception;

    /**
     * Receives the event with its position in the outbox, which increases with every event and
     * orders each aggregate's events, so that a host can deduplicate and check the order itself.
     * Override this one to see it; by default it calls {@link #onEvent(DomainEvent)}.
     *
     * @param event the event
     * @param sequence its position in the outbox
     * @throws Exception when it could not be handled; it will come again
     */
    default void onEvent(DomainEvent event, long sequence) throws Exception {
        onEvent(event);
    }

    /**
     * @return the listener's stable id, under which its progress is kept: by default its class
     *     name, or for a lambda or an anonymous class its place among the registered listeners
     *     ({@code listener-1}, ...), unless registered with {@code Crm.Builder.listener(id, listener)}
     */
    default String id() {
        return getClass().getName();
    }
}
