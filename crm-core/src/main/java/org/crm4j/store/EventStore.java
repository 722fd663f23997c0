package org.crm4j.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crm4j.event.DeadLetter;
import org.crm4j.event.DomainEvent;

/**
 * The transactional outbox: domain events written with the change that raised them, then handed
 * to the listeners by any node. A worker reads a window of undelivered events in outbox order,
 * claims the ones it may deliver (a lease in the database, so that two nodes never hold one event
 * and a crashed node's claims are taken over when they end), delivers them, and records each
 * listener's outcome. The order rules live in crm4j, not in the adapter: the adapter reads,
 * claims and records exactly as told.
 */
public interface EventStore {

    /** @param events events to append, in order */
    void append(List<DomainEvent> events);

    /**
     * Appends events as the transaction's last writes: nothing but the commit follows (a bulk
     * import's batch). A store that numbers commits may write them with the commit's number at once.
     * The default appends them.
     *
     * @param events events to append, in order
     */
    default void appendLast(List<DomainEvent> events) {
        append(events);
    }

    /**
     * The change feed (R31): events in commit order after a position. An adapter must never let a
     * reader skip an event that commits late: an event must be readable before any event with a
     * higher commit number is (the JPA adapter numbers commits with a clock its transactions take
     * last; the in-memory one commits one transaction at a time).
     *
     * @param afterCommit the commit number of the last event read, or 0 from the start
     * @param afterSequence the sequence number of the last event read, or 0
     * @param visibility whose feed: an event about a customer is in it when the actor covers the
     *     customer's owner; an event about no customer only for those who see everything
     * @param limit how many at most
     * @return the events after that position, by commit number, then sequence number
     */
    List<FeedEntry> changes(long afterCommit, long afterSequence, Visibility visibility, int limit);

    /** @return the position of the last event committed, or {@code (0, 0)} when there is none */
    FeedEntry.Position feedEnd();

    /**
     * @param afterSequence only events after this position (0 for all)
     * @param limit how many at most
     * @return the events not yet delivered to every listener, in outbox order, each with who holds
     *     it and each listener's progress on it
     */
    List<StoredEvent> window(long afterSequence, int limit);

    /**
     * Claims the events that are still undelivered and held by nobody (or by a claim that ended
     * before {@code now}), atomically per event: of two workers claiming one event at once, one
     * gets it.
     *
     * @param sequences the events to claim
     * @param token the worker's claim
     * @param now the current instant
     * @param until when the claim ends unless finished before
     * @return the events this claim got
     */
    Set<Long> claim(List<Long> sequences, String token, Instant now, Instant until);

    /**
     * Records the listeners' outcomes of the events the claim still holds, marks the events
     * delivered to every listener (their progress is dropped), and ends the claim.
     * Outcomes of events the claim no longer holds (its lease ended and another worker took them)
     * are not recorded.
     *
     * @param token the worker's claim
     * @param claimed the events the claim got (so that the adapter finds them by key)
     * @param outcomes each listener's new progress, per event
     * @param delivered the events now delivered to every listener
     * @param at when
     * @return the events the claim still held
     */
    Set<Long> finish(String token, Set<Long> claimed, List<ListenerOutcome> outcomes, List<Long> delivered,
            Instant at);

    /**
     * @param limit how many at most
     * @return the events a listener gave up on, oldest first, each with how many later events of its
     *     aggregate wait behind it
     */
    List<DeadLetter> deadLetters(int limit);

    /**
     * Sets a listener's progress on an event, whoever holds it: {@link ListenerState#FAILED} with no
     * attempts to try it again, or {@link ListenerState#SKIPPED} to go past it.
     *
     * @param sequence the event
     * @param listenerId the listener
     * @param state the new state
     * @param at when
     * @return false when the event is delivered already or the listener has no dead letter on it
     */
    boolean resolveDeadLetter(long sequence, String listenerId, ListenerState state, Instant at);
}
