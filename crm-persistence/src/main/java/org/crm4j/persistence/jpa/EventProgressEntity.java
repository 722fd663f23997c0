package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.crm4j.store.ListenerOutcome;
import org.crm4j.store.ListenerState;

/**
 * One listener's progress on an event that is not yet delivered to every listener
 * ({@code crm_event_progress}, see the migration to version 19).
 */
@Entity(name = "EventProgress")
@Table(name = "crm_event_progress")
@IdClass(EventProgressEntity.Key.class)
class EventProgressEntity {
    @Id
    @Column(name = "sequence_no", nullable = false, updatable = false)
    long sequence;

    @Id
    @Column(name = "listener_id", nullable = false, updatable = false, length = 100)
    String listenerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    ListenerState state;

    @Column(nullable = false)
    int attempts;

    @Column(name = "last_error", length = ListenerOutcome.MAX_ERROR)
    String lastError;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** For Hibernate. */
    protected EventProgressEntity() {
    }

    EventProgressEntity(ListenerOutcome outcome, Instant at) {
        this.sequence = outcome.sequence();
        this.listenerId = outcome.listenerId();
        set(outcome, at);
    }

    void set(ListenerOutcome outcome, Instant at) {
        state = outcome.state();
        attempts = outcome.attempts();
        lastError = outcome.lastError();
        updatedAt = at;
    }

    ListenerOutcome toOutcome() {
        return new ListenerOutcome(sequence, listenerId, state, attempts, lastError);
    }

    /** The primary key. */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        long sequence;
        String listenerId;

        Key() {
        }

        Key(long sequence, String listenerId) {
            this.sequence = sequence;
            this.listenerId = listenerId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && sequence == k.sequence && Objects.equals(listenerId, k.listenerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sequence, listenerId);
        }
    }
}
