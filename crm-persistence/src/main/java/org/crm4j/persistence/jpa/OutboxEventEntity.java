package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import org.hibernate.annotations.Formula;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;
import org.crm4j.event.DomainEvent;
import org.crm4j.store.StoredEvent;

/**
 * A domain event in the outbox ({@code crm_event}), with its delivery state. The sequence number
 * is the outbox order.
 */
@Entity(name = "OutboxEvent")
@Table(name = "crm_event")
class OutboxEventEntity {
    /** The longest error text kept. */
    static final int MAX_ERROR = 1000;

    /**
     * Drawn from {@code crm_event_seq} (which steps by 1) when the event is appended, by
     * {@link JpaEventStore}: all numbers of one append in one statement, so events of one aggregate
     * are numbered in the order of their transactions on every node (see the migration).
     */
    @Id
    @Column(name = "sequence_no")
    Long sequence;

    /** The number of the commit that wrote it (V25), stamped just before the commit by {@link JpaTransaction#stampCommit}. */
    @Column(name = "commit_no", insertable = false, updatable = false)
    Long commitNo;

    @Column(name = "event_id", nullable = false, updatable = false)
    UUID eventId;

    @Column(name = "event_type", nullable = false, updatable = false, length = 100)
    String type;

    @Column(name = "aggregate_type", nullable = false, updatable = false, length = 50)
    String aggregateType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    long aggregateId;

    @Column(name = "customer_id", updatable = false)
    Long customerId;

    /** The deal the event is about ({@link DomainEvent#opportunityId()}), for need-to-know; or null. */
    @Column(name = "opportunity_id", updatable = false)
    Long opportunityId;

    /** The lead the event is about ({@link DomainEvent#leadId()}), for need-to-know; or null. */
    @Column(name = "lead_id", updatable = false)
    Long leadId;

    /** The activity the event is about ({@link DomainEvent#activityId()}), for need-to-know; or null. */
    @Column(name = "activity_id", updatable = false)
    Long activityId;

    @Column(name = "actor_id", nullable = false, updatable = false, length = 100)
    String actorId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    Instant occurredAt;

    /**
     * The event as a CloudEvents envelope in JSON ({@link EventJson}), in {@code crm_event.payload}:
     * {@code jsonb} on PostgreSQL, {@code json} on H2 (V24). Written by {@link BulkInsert#events}
     * only, so it is mapped as its text: a plain string that queries can put beside other text (the
     * card's timeline is a union), which a JSON-typed attribute cannot be without a cast that kept
     * Hibernate from reusing the query's plan.
     */
    @Formula("cast(payload as varchar)")
    String payload;

    @Column(name = "delivered_at")
    Instant deliveredAt;

    /** Unused since version 19, where each listener's attempts are kept apart. */
    @Column(nullable = false)
    int attempts;

    /** The claim of the node delivering the event, or null. */
    @Column(name = "claimed_by", length = 36)
    String claimedBy;

    /** When that claim ends. */
    @Column(name = "claimed_until")
    Instant claimedUntil;

    @Column(name = "last_error", length = MAX_ERROR)
    String lastError;

    /** For Hibernate. */
    protected OutboxEventEntity() {
    }

    static OutboxEventEntity of(DomainEvent event) {
        OutboxEventEntity e = new OutboxEventEntity();
        e.eventId = event.id();
        e.type = event.type();
        e.aggregateType = event.aggregateType();
        e.aggregateId = event.aggregateId();
        e.customerId = event.customerId();
        OptionalLong deal = event.opportunityId();
        e.opportunityId = deal.isPresent() ? deal.getAsLong() : null;
        OptionalLong lead = event.leadId();
        e.leadId = lead.isPresent() ? lead.getAsLong() : null;
        OptionalLong activity = event.activityId();
        e.activityId = activity.isPresent() ? activity.getAsLong() : null;
        e.actorId = event.actorId();
        e.occurredAt = event.occurredAt();
        e.payload = EventJson.write(event);
        return e;
    }

    DomainEvent toEvent() {
        return new DomainEvent(eventId, type, aggregateType, aggregateId, customerId, actorId, occurredAt,
                EventJson.readData(payload));
    }

    StoredEvent toStored(java.util.Map<String, org.crm4j.store.ListenerOutcome> progress) {
        return new StoredEvent(sequence, toEvent(), claimedBy, claimedUntil, progress);
    }
}
