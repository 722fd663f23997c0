package org.crm4j.persistence.memory;

import java.util.Optional;
import java.util.UUID;
import org.crm4j.ConflictException;
import org.crm4j.store.ClientChangeStore;

/** The changes points of sale sent back, by their id. */
final class MemoryClientChangeStore extends MemoryFeatureStore implements ClientChangeStore {
    MemoryClientChangeStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public Optional<ClientChange> find(UUID clientId) {
        return Optional.ofNullable(data.clientChanges.get(clientId));
    }

    @Override
    public void remember(ClientChange change) {
        checkWritable();
        if (data.clientChanges.containsKey(change.clientId())) {
            throw new ConflictException("A change with the id " + change.clientId() + " was received already");
        }
        put(data.clientChanges, change.clientId(), change);
    }
}
