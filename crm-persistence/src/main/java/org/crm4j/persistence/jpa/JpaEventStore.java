package org.crm4j.persistence.jpa;

import org.crm4j.store.Visibility;
import org.crm4j.store.FeedEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.event.DeadLetter;
import org.crm4j.event.DomainEvent;
import org.crm4j.store.EventStore;
import org.crm4j.store.ListenerOutcome;
import org.crm4j.store.ListenerState;
import org.crm4j.store.StoredEvent;
import org.hibernate.Session;

/**
 * The outbox in the JPA store. Appended events are inserted in one JDBC batch at once, in the
 * transaction; claims and delivery marks are bulk updates; each listener's progress on an event in
 * flight is a row of {@code crm_event_progress}.
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
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long n : numbers) {
            first = Math.min(first, n);
            last = Math.max(last, n);
        }
        tx.appended(first, last);
    }

    /*
     * The transaction's last statements: the events are written with its commit number, taken now,
     * so that no stamp rewrites them before the commit (on PostgreSQL a second version of every
     * event row, and of its index entries).
     */
    @Override
    public void appendLast(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Session session = tx.writing();
        long commit = tx.commitNumber();
        long[] numbers = BulkInsert.draw(session, "crm_event_seq", events.size());
        List<OutboxEventEntity> rows = new ArrayList<>(events.size());
        for (int i = 0; i < numbers.length; i++) {
            OutboxEventEntity row = OutboxEventEntity.of(events.get(i));
            row.sequence = numbers[i];
            row.commitNo = commit;
            rows.add(row);
        }
        try {
            BulkInsert.events(session, rows);
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
    }

    @Override
    public List<FeedEntry> changes(long afterCommit, long afterSequence, Visibility visibility, int limit) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        return ntk.select("from OutboxEvent e where (e.commitNo, e.sequence) > (:commit, :sequence)"
                        + " and " + ntk.customerOf("e.customerId")
                        + " order by e.commitNo, e.sequence" + Limits.literal(limit), OutboxEventEntity.class)
                .setParameter("commit", afterCommit).setParameter("sequence", afterSequence)
                .getResultList().stream().map(e -> new FeedEntry(e.commitNo, e.sequence, e.toEvent())).toList();
    }

    @Override
    public FeedEntry.Position feedEnd() {
        List<Object[]> last = tx.session().createSelectionQuery("select e.commitNo, e.sequence from OutboxEvent e"
                        + " where e.commitNo is not null order by e.commitNo desc, e.sequence desc" + Limits.literal(1),
                        Object[].class).getResultList();
        return last.isEmpty() ? new FeedEntry.Position(0, 0)
                : new FeedEntry.Position((Long) last.get(0)[0], (Long) last.get(0)[1]);
    }

    @Override
    public List<StoredEvent> window(long afterSequence, int limit) {
        Session session = tx.session();
        List<OutboxEventEntity> rows = session.createSelectionQuery("from OutboxEvent e where e.deliveredAt is null"
                        + " and e.sequence > :after order by e.sequence" + Limits.literal(limit), OutboxEventEntity.class)
                .setParameter("after", afterSequence)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        // the progress rows of the window's events (only events in flight have any)
        Map<Long, Map<String, ListenerOutcome>> progress = new HashMap<>();
        session.createSelectionQuery("from EventProgress p where p.sequence between :first and :last",
                        EventProgressEntity.class)
                .setParameter("first", rows.get(0).sequence)
                .setParameter("last", rows.get(rows.size() - 1).sequence)
                .getResultList()
                .forEach(p -> progress.computeIfAbsent(p.sequence, k -> new HashMap<>()).put(p.listenerId, p.toOutcome()));
        List<StoredEvent> window = new ArrayList<>(rows.size());
        for (OutboxEventEntity row : rows) {
            window.add(row.toStored(progress.getOrDefault(row.sequence, Map.of())));
        }
        return window;
    }

    /**
     * One conditional update: a row another node claimed meanwhile no longer meets the condition
     * (PostgreSQL re-reads it once the other transaction ends), so each event goes to one claim.
     * The range of the sequences leads the database to the primary key; when they are every
     * undelivered event of that range (the usual case: a whole window), the range alone is the
     * condition, since a list of 500 parameters was compared with every row of the range (on H2,
     * half of the delivery's time). An event committed into the range after the count is claimed
     * too, and released unread by {@link #finish}.
     */
    @Override
    public Set<Long> claim(List<Long> sequences, String token, Instant now, Instant until) {
        Session session = tx.writing();
        if (sequences.isEmpty()) {
            return Set.of();
        }
        try {
            long first = sequences.stream().mapToLong(Long::longValue).min().orElseThrow();
            long last = sequences.stream().mapToLong(Long::longValue).max().orElseThrow();
            long undelivered = session.createSelectionQuery("select count(e) from OutboxEvent e"
                            + " where e.sequence between :first and :last and e.deliveredAt is null", Long.class)
                    .setParameter("first", first)
                    .setParameter("last", last)
                    .getSingleResult();
            boolean whole = undelivered == new HashSet<>(sequences).size();
            String update = "update OutboxEvent e set e.claimedBy = :token, e.claimedUntil = :until"
                    + " where e.sequence between :first and :last" + (whole ? "" : " and e.sequence in :sequences")
                    + " and e.deliveredAt is null"
                    + " and (e.claimedUntil is null or e.claimedUntil < :now or e.claimedBy = :token)";
            var claim = session.createMutationQuery(whole ? update : InList.expand(update, "sequences", sequences))
                    .setParameter("token", token)
                    .setParameter("until", until)
                    .setParameter("now", now)
                    .setParameter("first", first)
                    .setParameter("last", last);
            (whole ? claim : InList.bind(claim, "sequences", sequences)).executeUpdate();
            // the run's token holds nothing else in the range: its earlier windows were finished
            return new HashSet<>(session.createSelectionQuery("select e.sequence from OutboxEvent e"
                            + " where e.sequence between :first and :last and e.claimedBy = :token", Long.class)
                    .setParameter("first", first)
                    .setParameter("last", last)
                    .setParameter("token", token)
                    .getResultList());
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
    }

    /**
     * Locks the events the claim still holds first, so that no node takes one over while its
     * outcomes are written. The run's token holds nothing outside the claimed range, so the range
     * and the token find them without a list.
     */
    @Override
    public Set<Long> finish(String token, Set<Long> claimed, List<ListenerOutcome> outcomes, List<Long> delivered,
            Instant at) {
        Session session = tx.writing();
        if (claimed.isEmpty()) {
            return Set.of();
        }
        long first = claimed.stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = claimed.stream().mapToLong(Long::longValue).max().orElseThrow();
        Set<Long> held = new HashSet<>();
        for (Object sequence : session.createNativeQuery("select sequence_no from crm_event"
                        + " where sequence_no between :first and :last and claimed_by = :token for update", Object.class)
                .setParameter("first", first)
                .setParameter("last", last)
                .setParameter("token", token)
                .getResultList()) {
            held.add(((Number) sequence).longValue());
        }
        held.retainAll(claimed);
        if (held.isEmpty()) {
            return held;
        }
        List<Long> done = delivered.stream().filter(held::contains).toList();
        if (!done.isEmpty()) {
            // delivered and released in one write of each row; by range and token when that is all
            boolean all = done.size() == held.size();
            String mark = "update OutboxEvent e set e.deliveredAt = :at, e.claimedBy = null, e.claimedUntil = null"
                    + " where e.sequence between :first and :last and e.claimedBy = :token"
                    + (all ? "" : " and e.sequence in :sequences");
            var update = session.createMutationQuery(all ? mark : InList.expand(mark, "sequences", done))
                    .setParameter("at", at)
                    .setParameter("first", first)
                    .setParameter("last", last)
                    .setParameter("token", token);
            (all ? update : InList.bind(update, "sequences", done)).executeUpdate();
            // progress rows exist only for events in flight: the range finds them by key
            InList.bind(session.createMutationQuery(InList.expand("delete from EventProgress p"
                                    + " where p.sequence between :first and :last and p.sequence in :sequences",
                                    "sequences", done))
                            .setParameter("first", first)
                            .setParameter("last", last), "sequences", done)
                    .executeUpdate();
        }
        Set<Long> finished = new HashSet<>(done);
        List<ListenerOutcome> kept = outcomes.stream()
                .filter(o -> held.contains(o.sequence()) && !finished.contains(o.sequence())).toList();
        if (!kept.isEmpty()) {
            List<Long> sequences = kept.stream().map(ListenerOutcome::sequence).distinct().toList();
            Map<EventProgressEntity.Key, EventProgressEntity> existing = new HashMap<>();
            InList.bind(session.createSelectionQuery(InList.expand("from EventProgress p where p.sequence in :sequences",
                                    "sequences", sequences), EventProgressEntity.class), "sequences", sequences)
                    .getResultList()
                    .forEach(p -> existing.put(new EventProgressEntity.Key(p.sequence, p.listenerId), p));
            for (ListenerOutcome outcome : kept) {
                EventProgressEntity row = existing.get(new EventProgressEntity.Key(outcome.sequence(),
                        outcome.listenerId()));
                if (row == null) {
                    session.persist(new EventProgressEntity(outcome, at));
                } else {
                    row.set(outcome, at);
                }
            }
            session.flush();
        }
        List<Long> release = held.stream().filter(sequence -> !finished.contains(sequence)).toList();
        if (!release.isEmpty()) {
            InList.bind(session.createMutationQuery(InList.expand("update OutboxEvent e set e.claimedBy = null,"
                                    + " e.claimedUntil = null where e.sequence in :sequences", "sequences", release)),
                            "sequences", release)
                    .executeUpdate();
        }
        return held;
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        Session session = tx.session();
        List<Object[]> rows = session.createSelectionQuery("select p, e from EventProgress p join OutboxEvent e"
                        + " on e.sequence = p.sequence where p.state = :dead order by p.sequence, p.listenerId",
                        Object[].class)
                .setParameter("dead", ListenerState.DEAD)
                .setMaxResults(limit)
                .getResultList();
        // what waits behind them: the undelivered events of their aggregates, read in one query
        List<Long> aggregates = rows.stream().map(r -> ((OutboxEventEntity) r[1]).aggregateId).distinct().toList();
        List<Object[]> undelivered = aggregates.isEmpty() ? List.of() : InList.bind(session.createSelectionQuery(
                        InList.expand("select w.aggregateType, w.aggregateId, w.sequence from OutboxEvent w"
                                + " where w.deliveredAt is null and w.aggregateId in :ids", "ids", aggregates),
                        Object[].class), "ids", aggregates)
                .getResultList();
        List<DeadLetter> letters = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            EventProgressEntity p = (EventProgressEntity) row[0];
            OutboxEventEntity e = (OutboxEventEntity) row[1];
            long waiting = undelivered.stream().filter(w -> e.aggregateType.equals(w[0])
                    && e.aggregateId == (Long) w[1] && (Long) w[2] > e.sequence).count();
            letters.add(new DeadLetter(e.sequence, e.eventId, e.type, e.aggregateType, e.aggregateId, p.listenerId,
                    p.attempts, p.lastError, p.updatedAt, waiting));
        }
        return letters;
    }

    @Override
    public boolean resolveDeadLetter(long sequence, String listenerId, ListenerState state, Instant at) {
        return tx.writing().createMutationQuery("update EventProgress p set p.state = :state,"
                        + " p.attempts = case when :state = :failed then 0 else p.attempts end, p.updatedAt = :at"
                        + " where p.sequence = :sequence and p.listenerId = :listener and p.state = :dead")
                .setParameter("state", state)
                .setParameter("failed", ListenerState.FAILED)
                .setParameter("dead", ListenerState.DEAD)
                .setParameter("at", at)
                .setParameter("sequence", sequence)
                .setParameter("listener", listenerId)
                .executeUpdate() > 0;
    }
}
