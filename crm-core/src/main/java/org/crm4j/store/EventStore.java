package org.crm4j.store;

import java.time.Instant;
import java.util.List;
import org.crm4j.event.DomainEvent;

/** The transactional outbox: domain events written with the change that raised them. */
public interface EventStore {

    /** @param events events to append, in order */
    void append(List<DomainEvent> events);

    /**
     * @param afterSequence only events after this position (0 for all)
     * @param limit how many at most
     * @return events not delivered yet, in outbox order
     */
    List<StoredEvent> undelivered(long afterSequence, int limit);

    /**
     * @param sequences events delivered to every listener
     * @param at when
     */
    void markDelivered(List<Long> sequences, Instant at);

    /**
     * @param sequence an event whose delivery failed
     * @param error what the listener threw, shortened
     */
    void markFailed(long sequence, String error);
}
