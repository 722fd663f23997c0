package org.crm4j.persistence.jpa;

import java.util.Optional;
import java.util.UUID;
import org.crm4j.store.ClientChangeStore;

/** The changes points of sale sent back, in {@code crm_client_change}. */
final class JpaClientChangeStore implements ClientChangeStore {
    private final JpaTransaction tx;

    JpaClientChangeStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Optional<ClientChange> find(UUID clientId) {
        return Optional.ofNullable(tx.session().find(ClientChangeEntity.class, clientId))
                .map(ClientChangeEntity::toRecord);
    }

    /* A second change under one id, from a concurrent send, breaks the primary key at the flush: a conflict. */
    @Override
    public void remember(ClientChange change) {
        ClientChangeEntity e = new ClientChangeEntity();
        e.clientId = change.clientId();
        e.kind = change.kind();
        e.recordId = change.recordId();
        e.actorId = change.actorId();
        e.receivedAt = change.receivedAt();
        tx.writing().persist(e);
        tx.flush();
    }
}
