package org.crm4j.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The changes points of sale sent back, by the id the point of sale gave each (R31): what makes a
 * change sent twice count once.
 */
public interface ClientChangeStore {

    /**
     * A change received.
     *
     * @param clientId the point of sale's id of it
     * @param kind what it was: {@code note}, {@code activity}, {@code completion}
     * @param recordId the record it made or changed
     * @param actorId who sent it
     * @param receivedAt when
     */
    record ClientChange(UUID clientId, String kind, long recordId, String actorId, Instant receivedAt) {
    }

    /** @return the change received under that id, if any */
    Optional<ClientChange> find(UUID clientId);

    /**
     * @param change a change just received
     * @throws org.crm4j.ConflictException when one with its id was received meanwhile
     */
    void remember(ClientChange change);
}
