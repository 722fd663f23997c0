package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.crm4j.store.ClientChangeStore;

/** A change a point of sale sent back ({@code crm_client_change}). */
@Entity(name = "ClientChange")
@Table(name = "crm_client_change")
class ClientChangeEntity {
    @Id
    @Column(name = "client_id")
    UUID clientId;

    @Column(name = "change_kind", nullable = false, length = 20)
    String kind;

    @Column(name = "record_id", nullable = false)
    long recordId;

    @Column(name = "actor_id", nullable = false, length = 100)
    String actorId;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    ClientChangeStore.ClientChange toRecord() {
        return new ClientChangeStore.ClientChange(clientId, kind, recordId, actorId, receivedAt);
    }
}
