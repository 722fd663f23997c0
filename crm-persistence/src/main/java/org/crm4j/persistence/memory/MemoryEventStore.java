package org.crm4j.persistence.memory;

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
import org.crm4j.persistence.memory.MemoryData.Outboxed;
import org.crm4j.persistence.memory.MemoryData.Progress;
import org.crm4j.store.EventStore;
import org.crm4j.store.ListenerOutcome;
import org.crm4j.store.ListenerState;
import org.crm4j.store.StoredEvent;

/** The outbox of events, in the same transaction, with claims and each listener's progress. */
final class MemoryEventStore extends MemoryFeatureStore implements EventStore {
    MemoryEventStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public void append(List<DomainEvent> list) {
        checkWritable();
        for (DomainEvent event : list) {
            put(data.events, newId(), new Outboxed(event, null, null, null, Map.of()));
        }
    }

    /* One transaction commits at a time here: the sequence number is the commit order too. */
    @Override
    public List<FeedEntry> changes(long afterCommit, long afterSequence, Visibility visibility, int limit) {
        long after = Math.max(afterCommit, afterSequence);
        return data.events.tailMap(after, false).entrySet().stream()
                .filter(e -> needToKnow.feed(visibility, e.getValue().event().customerId()))
                .limit(limit)
                .map(e -> new FeedEntry(e.getKey(), e.getKey(), e.getValue().event()))
                .toList();
    }

    @Override
    public FeedEntry.Position feedEnd() {
        return data.events.isEmpty() ? new FeedEntry.Position(0, 0)
                : new FeedEntry.Position(data.events.lastKey(), data.events.lastKey());
    }

    @Override
    public List<StoredEvent> window(long afterSequence, int limit) {
        return data.events.tailMap(afterSequence, false).entrySet().stream()
                .filter(e -> e.getValue().deliveredAt() == null)
                .limit(limit)
                .map(e -> {
                    Outboxed o = e.getValue();
                    Map<String, ListenerOutcome> progress = new HashMap<>();
                    o.progress().forEach((id, p) -> progress.put(id, p.outcome()));
                    return new StoredEvent(e.getKey(), o.event(), o.claimedBy(), o.claimedUntil(), progress);
                })
                .toList();
    }

    @Override
    public Set<Long> claim(List<Long> sequences, String token, Instant now, Instant until) {
        checkWritable();
        Set<Long> got = new HashSet<>();
        for (Long sequence : sequences) {
            Outboxed o = data.events.get(sequence);
            if (o == null || o.deliveredAt() != null) {
                continue;
            }
            if (o.claimedUntil() == null || o.claimedUntil().isBefore(now) || token.equals(o.claimedBy())) {
                put(data.events, sequence, new Outboxed(o.event(), null, token, until, o.progress()));
                got.add(sequence);
            }
        }
        return got;
    }

    @Override
    public Set<Long> finish(String token, Set<Long> claimed, List<ListenerOutcome> outcomes, List<Long> delivered,
            Instant at) {
        checkWritable();
        Set<Long> held = new HashSet<>();
        for (Long sequence : claimed) {
            Outboxed o = data.events.get(sequence);
            if (o != null && token.equals(o.claimedBy())) {
                held.add(sequence);
            }
        }
        Map<Long, List<ListenerOutcome>> bySequence = new HashMap<>();
        for (ListenerOutcome outcome : outcomes) {
            bySequence.computeIfAbsent(outcome.sequence(), k -> new ArrayList<>()).add(outcome);
        }
        Set<Long> done = new HashSet<>(delivered);
        for (Long sequence : held) {
            Outboxed o = data.events.get(sequence);
            if (done.contains(sequence)) {
                put(data.events, sequence, new Outboxed(o.event(), at, null, null, Map.of()));
                continue;
            }
            Map<String, Progress> progress = new HashMap<>(o.progress());
            for (ListenerOutcome outcome : bySequence.getOrDefault(sequence, List.of())) {
                progress.put(outcome.listenerId(), new Progress(outcome, at));
            }
            put(data.events, sequence, new Outboxed(o.event(), null, null, null, progress));
        }
        return held;
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        for (Map.Entry<Long, Outboxed> e : data.events.entrySet()) {
            Outboxed o = e.getValue();
            if (o.deliveredAt() != null) {
                continue;
            }
            List<Progress> dead = o.progress().values().stream()
                    .filter(p -> p.outcome().state() == ListenerState.DEAD)
                    .sorted(java.util.Comparator.comparing(p -> p.outcome().listenerId()))
                    .toList();
            for (Progress p : dead) {
                if (letters.size() == limit) {
                    return letters;
                }
                DomainEvent event = o.event();
                long waiting = data.events.tailMap(e.getKey(), false).values().stream()
                        .filter(w -> w.deliveredAt() == null && w.event().aggregateType().equals(event.aggregateType())
                                && w.event().aggregateId() == event.aggregateId())
                        .count();
                ListenerOutcome outcome = p.outcome();
                letters.add(new DeadLetter(e.getKey(), event.id(), event.type(), event.aggregateType(),
                        event.aggregateId(), outcome.listenerId(), outcome.attempts(), outcome.lastError(), p.at(),
                        waiting));
            }
        }
        return letters;
    }

    @Override
    public boolean resolveDeadLetter(long sequence, String listenerId, ListenerState state, Instant at) {
        checkWritable();
        Outboxed o = data.events.get(sequence);
        Progress p = o == null ? null : o.progress().get(listenerId);
        if (p == null || p.outcome().state() != ListenerState.DEAD) {
            return false;
        }
        ListenerOutcome old = p.outcome();
        Map<String, Progress> progress = new HashMap<>(o.progress());
        progress.put(listenerId, new Progress(new ListenerOutcome(sequence, listenerId, state,
                state == ListenerState.FAILED ? 0 : old.attempts(), old.lastError()), at));
        put(data.events, sequence, new Outboxed(o.event(), o.deliveredAt(), o.claimedBy(), o.claimedUntil(), progress));
        return true;
    }
}
