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
 * An event about a deal names it (see {@link #opportunityId()}), an event about a lead is one
 * (see {@link #leadId()}), and an event about an activity is one or names it (see
 * {@link #activityId()}), so that need-to-know can hide them from those who may see the customer
 * but not the deal, the lead or the activity.
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
    /** The aggregate type of activities, and the data key by which other events name their activity. */
    private static final String ACTIVITY = "activity";

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
        return named(OPPORTUNITY);
    }

    /**
     * The activity this event is about: the aggregate itself when its type is {@code activity},
     * else the {@code activity} data entry (a first-contact entry names its activity there).
     * Need-to-know shows an event about an activity only to those who may see the activity (its
     * owner, their superiors and administrators).
     *
     * @return the activity's id, or empty when the event is about no activity (or its
     *     {@code activity} entry is not a number)
     */
    public OptionalLong activityId() {
        return named(ACTIVITY);
    }

    /** @return the aggregate's id when it is of that type, else the number in the data entry of that name */
    private OptionalLong named(String kind) {
        if (kind.equals(aggregateType)) {
            return OptionalLong.of(aggregateId);
        }
        String id = data.get(kind);
        if (id == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(id.strip()));
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
