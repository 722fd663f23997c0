package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.crm4j.event.DomainEvent;
import org.crm4j.spi.EventStore;
import org.crm4j.spi.StoredEvent;
import org.hibernate.Session;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * The outbox in the JPA store. Appended events are inserted in JDBC batches when the transaction
 * commits; delivery state changes are bulk updates that load nothing.
 */
final class JpaEventStore implements EventStore {
    private final JpaTransaction tx;

    JpaEventStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void append(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Session session = tx.writing();
        long[] numbers = draw(session, events.size());
        for (int i = 0; i < numbers.length; i++) {
            OutboxEventEntity entity = OutboxEventEntity.of(events.get(i));
            entity.sequence = numbers[i];
            session.persist(entity);
        }
    }

    /**
     * Draws the next numbers of {@code crm_event_seq}, ascending: on PostgreSQL and H2 in one
     * statement however many (a bulk import or lead opening appends hundreds of events per
     * transaction, and one round trip each was most of their cost), elsewhere one at a time.
     */
    private static long[] draw(Session session, int count) {
        Dialect dialect = session instanceof SessionImplementor s ? s.getFactory().getJdbcServices().getDialect() : null;
        long[] numbers = new long[count];
        if (count > 1 && (dialect instanceof PostgreSQLDialect || dialect instanceof H2Dialect)) {
            String sql = dialect instanceof PostgreSQLDialect
                    ? "select nextval('crm_event_seq') from generate_series(1, :count)"
                    : "select next value for crm_event_seq from system_range(1, :count)";
            // a space nothing writes to, so the draw flushes nothing (as the id generator did not)
            List<?> drawn = session.createNativeQuery(sql, Object.class).addSynchronizedQuerySpace("crm_event_seq")
                    .setParameter("count", count).getResultList();
            if (drawn.size() != count) {
                throw new IllegalStateException("asked the event sequence for " + count + " numbers, got " + drawn.size());
            }
            for (int i = 0; i < count; i++) {
                numbers[i] = ((Number) drawn.get(i)).longValue();
            }
            Arrays.sort(numbers);
            return numbers;
        }
        String next = dialect == null ? "select next value for crm_event_seq"
                : dialect.getSequenceSupport().getSequenceNextValString("crm_event_seq");
        for (int i = 0; i < count; i++) {
            numbers[i] = ((Number) session.createNativeQuery(next, Object.class).addSynchronizedQuerySpace("crm_event_seq")
                    .getSingleResult()).longValue();
        }
        return numbers;
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
