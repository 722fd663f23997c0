package org.crm4j.event;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.TreeMap;
import java.util.Collections;

/**
 * The record of something that happened: written to the outbox in the same transaction as the
 * change, then delivered to listeners. The {@link #type()} says what (see {@link EventTypes});
 * {@link #data()} holds the details as text, so that plugins in other versions can read it.
 *
 * @param id unique; listeners use it to stay idempotent
 * @param type what happened, e.g. {@code customer.created}
 * @param aggregateType the kind of record, e.g. {@code customer}
 * @param aggregateId the record's id
 * @param customerId the customer it concerns, or null
 * @param actorId who did it
 * @param occurredAt when
 * @param data details, e.g. {@code from} and {@code to} of an owner change
 */
public record DomainEvent(UUID id, String type, String aggregateType, long aggregateId, Long customerId,
        String actorId, Instant occurredAt, Map<String, String> data) {

    /** Copies the data into a sorted, unmodifiable map. */
    public DomainEvent {
        data = Collections.unmodifiableMap(new TreeMap<>(data));
    }

    /**
     * @param key a data key
     * @return its value, or null
     */
    public String get(String key) {
        return data.get(key);
    }
}
