package org.crm4j.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crm4j.activity.store.RequestRecord;

/**
 * Customer requests in a store: each one's state beside its activity (of type {@code REQUEST}),
 * keyed by the activity's id. Need-to-know is the activities' one: a request is found with a
 * visibility only when its activity's owner is covered by it. A source system's id is taken by
 * at most one request; the store holds that rule (in a database, with a unique constraint), also
 * against concurrent intakes.
 *
 * <p>The escalation level is changed only by {@link #claimEscalation} and
 * {@link #resetEscalation}, never by {@link #update}: a claim made by another node while a user
 * edits the request survives the user's save, and claiming leaves the version alone, so the user
 * meets no conflict.
 */
public interface RequestStore {

    /**
     * @param request the state of a new request, beside its activity inserted in the same transaction
     * @return it with version 0
     * @throws org.crm4j.ConflictException when its source system's id is taken (also by a request
     *     written concurrently)
     */
    RequestRecord insert(RequestRecord request);

    /**
     * @param request a changed request carrying the version it was read at
     * @return it with the incremented version; its escalation level is the stored one
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    RequestRecord update(RequestRecord request);

    /**
     * @param id a request
     * @param visibility applied in the query, to the activity's owner
     * @return it, if it exists and is visible
     */
    Optional<StoredRequest> find(long id, Visibility visibility);

    /**
     * Several requests at once (a service's card lists its requests). The default asks
     * {@link #find} once per id; a database adapter overrides it with one statement.
     *
     * @param ids requests, in the order wanted
     * @param visibility applied in the query, to the activity's owner
     * @return those that exist and are visible, in the order of {@code ids}
     */
    default List<StoredRequest> findAll(List<Long> ids, Visibility visibility) {
        List<StoredRequest> found = new java.util.ArrayList<>();
        for (long id : ids) {
            find(id, visibility).ifPresent(found::add);
        }
        return found;
    }

    /**
     * @param id an id
     * @return whether a request has it (an activity of another type is none)
     */
    boolean exists(long id);

    /**
     * @param sourceSystem a source system
     * @param sourceId an id there
     * @return the request received with them, whoever may see it
     */
    Optional<StoredRequest> bySource(String sourceSystem, String sourceId);

    /**
     * @param now the moment
     * @param visibility applied in the query, to the activities' owners
     * @param after where the previous page ended (the last due time as an {@link Instant} and
     *     id), or null for the first page
     * @param limit how many at most
     * @return the visible open requests due before now, after the keyset, earliest due first, then
     *     lowest id
     */
    List<StoredRequest> overdue(Instant now, Visibility visibility, Keyset after, int limit);

    /**
     * @param now the moment
     * @param limit how many at most
     * @return the open requests at level 0 due before now, or at level 1 to escalate before now,
     *     earliest due first, then lowest id, whoever owns them
     */
    List<EscalationRow> toEscalate(Instant now, int limit);

    /**
     * Claims escalation levels, as a conditional update: the level moves only when the request
     * is still open and still at {@code from}. Of two nodes claiming the same level at the same
     * time, one succeeds.
     *
     * @param id a request
     * @param from the level it was read at
     * @param to the level it reaches
     * @return whether this call moved it
     */
    boolean claimEscalation(long id, int from, int to);

    /**
     * Sets a reopened request's escalation level back to 0.
     *
     * @param id a request
     */
    void resetEscalation(long id);
}
