package org.crm4j.persistence.memory;

import java.util.Comparator;
import java.util.List;
import org.crm4j.customer.store.NoteRecord;
import org.crm4j.store.NoteStore;

/** Notes, in the same transaction. */
final class MemoryNoteStore extends MemoryFeatureStore implements NoteStore {
    MemoryNoteStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public NoteRecord insert(NoteRecord note) {
        checkWritable();
        NoteRecord stored = new NoteRecord(newId(), note.customerId(), note.authorId(), note.text(), note.createdAt());
        put(data.notes, stored.id(), stored);
        return stored;
    }

    @Override
    public List<NoteRecord> latest(long customerId, int limit) {
        return data.notes.descendingMap().values().stream().filter(n -> n.customerId() == customerId)
                .sorted(Comparator.comparing(NoteRecord::createdAt).thenComparingLong(NoteRecord::id).reversed())
                .limit(limit).toList();
    }

    @Override
    public java.util.Optional<NoteRecord> find(long id) {
        return java.util.Optional.ofNullable(data.notes.get(id));
    }
}
