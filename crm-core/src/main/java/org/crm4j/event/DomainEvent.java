package org.crm4j.event;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.TreeMap;
import java.util.Collections;

/**
 * The record of something that happened: written to the outbox in the same transaction as the
 * change, then delivered to listeners. The {@link #type()} says what (see {@link EventTypes});
 * {@link #data()} holds the details as text, so that plugins in other versions can read it.
 * An event about a deal names it (see {@link #opportunityId()}), and an event about a lead is
 * one (see {@link #leadId()}), so that need-to-know can hide them from those who may see the
 * customer but not the deal or the lead.
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

    /** The aggregate type of deals, and the data key by which other aggregates name their deal. */
    private static final String OPPORTUNITY = "opportunity";
    /** The aggregate type of leads. */
    private static final String LEAD = "lead";

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

    /**
     * The deal this event is about, by the convention described in {@link EventTypes}: the
     * aggregate itself when its type is {@code opportunity}, else the {@code opportunity}
     * data entry (offers and orders name their deal there). Need-to-know shows an event about a
     * deal only to those who may see the deal.
     *
     * @return the deal's id, or empty when the event is about no deal (or its {@code opportunity}
     *     entry is not a number)
     */
    public OptionalLong opportunityId() {
        if (OPPORTUNITY.equals(aggregateType)) {
            return OptionalLong.of(aggregateId);
        }
        String deal = data.get(OPPORTUNITY);
        if (deal == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(deal.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * The lead this event is about: the aggregate itself when its type is {@code lead}.
     * Need-to-know shows an event about a lead only to those who may see the lead (its owner,
     * their superiors and administrators).
     *
     * @return the lead's id, or empty when the event is about no lead
     */
    public OptionalLong leadId() {
        return LEAD.equals(aggregateType) ? OptionalLong.of(aggregateId) : OptionalLong.empty();
    }
}
