package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.event.DomainEvent;
import org.crm4j.store.EventStore;
import org.crm4j.store.StoredEvent;
import org.hibernate.Session;

/**
 * The outbox in the JPA store. Appended events are inserted in one JDBC batch at once, in the
 * transaction; delivery state changes are bulk updates that load nothing.
 */
final class JpaEventStore implements EventStore {
    private final JpaTransaction tx;

    JpaEventStore(JpaTransaction tx) {
        this.tx = tx;
    }

    /**
     * Inserts the events in one JDBC batch, their sequence numbers drawn in one statement where the
     * database allows (a bulk import or lead opening appends hundreds per transaction; one round
     * trip per number was most of their cost).
     */
    @Override
    public void append(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Session session = tx.writing();
        long[] numbers = BulkInsert.draw(session, "crm_event_seq", events.size());
        List<OutboxEventEntity> rows = new ArrayList<>(events.size());
        for (int i = 0; i < numbers.length; i++) {
            OutboxEventEntity row = OutboxEventEntity.of(events.get(i));
            row.sequence = numbers[i];
            rows.add(row);
        }
        try {
            BulkInsert.events(session, rows);
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
    }

    @Override
    public List<StoredEvent> undelivered(long afterSequence, int limit) {
        return tx.session().createSelectionQuery("from OutboxEvent e where e.deliveredAt is null"
                        + " and e.sequence > :after order by e.sequence", OutboxEventEntity.class)
                .setParameter("after", afterSequence)
                .setMaxResults(limit)
                .getResultList().stream().map(OutboxEventEntity::toStored).toList();
    }

    @Override
    public void markDelivered(List<Long> sequences, Instant at) {
        Session session = tx.writing();
        if (sequences.isEmpty()) {
            return;
        }
        InList.bind(session.createMutationQuery(InList.expand(
                        "update OutboxEvent e set e.deliveredAt = :at where e.sequence in :sequences", "sequences", sequences))
                .setParameter("at", at), "sequences", sequences)
                .executeUpdate();
    }

    @Override
    public void markFailed(long sequence, String error) {
        String kept = error == null || error.length() <= OutboxEventEntity.MAX_ERROR ? error
                : error.substring(0, OutboxEventEntity.MAX_ERROR);
        tx.writing().createMutationQuery("update OutboxEvent e set e.attempts = e.attempts + 1, e.lastError = :error"
                        + " where e.sequence = :sequence")
                .setParameter("error", kept)
                .setParameter("sequence", sequence)
                .executeUpdate();
    }
}
