package org.crm4j.persistence.memory;

import java.time.Instant;
import java.util.List;
import org.crm4j.event.DomainEvent;
import org.crm4j.persistence.memory.MemoryData.Outboxed;
import org.crm4j.store.EventStore;
import org.crm4j.store.StoredEvent;

/** The outbox of events, in the same transaction. */
final class MemoryEventStore extends MemoryFeatureStore implements EventStore {
    MemoryEventStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public void append(List<DomainEvent> list) {
        checkWritable();
        for (DomainEvent event : list) {
            put(data.events, newId(), new Outboxed(event, null, 0, null));
        }
    }

    @Override
    public List<StoredEvent> undelivered(long afterSequence, int limit) {
        return data.events.tailMap(afterSequence, false).entrySet().stream()
                .filter(e -> e.getValue().deliveredAt() == null)
                .limit(limit)
                .map(e -> new StoredEvent(e.getKey(), e.getValue().event(), e.getValue().attempts()))
                .toList();
    }

    @Override
    public void markDelivered(List<Long> sequences, Instant at) {
        for (Long sequence : sequences) {
            Outboxed o = data.events.get(sequence);
            if (o != null) {
                put(data.events, sequence, new Outboxed(o.event(), at, o.attempts(), o.lastError()));
            }
        }
    }

    @Override
    public void markFailed(long sequence, String error) {
        Outboxed o = data.events.get(sequence);
        if (o != null) {
            put(data.events, sequence, new Outboxed(o.event(), null, o.attempts() + 1, error));
        }
    }
}
