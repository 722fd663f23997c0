package org.crm4j.event;

import java.util.List;

/**
 * The outbox as operators see it (administrators only): the events listeners gave up on, and what
 * to do with each.
 */
public interface Events {

    /**
     * @param limit how many at most, 1 to 500 (else a {@code ValidationException} on {@code pageSize})
     * @return the dead letters, oldest first
     * @throws org.crm4j.AccessDeniedException when the actor is no administrator
     */
    List<DeadLetter> deadLetters(int limit);

    /**
     * Gives the listener the event again on the next delivery, with its attempts counted from zero;
     * the events waiting behind it follow in order.
     *
     * @param sequence the event's position in the outbox
     * @param listenerId the listener
     * @throws org.crm4j.NotFoundException when that listener has no dead letter on that event
     * @throws org.crm4j.AccessDeniedException when the actor is no administrator
     */
    void retry(long sequence, String listenerId);

    /**
     * Lets the listener go past the event without having it; the events waiting behind it follow.
     *
     * @param sequence the event's position in the outbox
     * @param listenerId the listener
     * @throws org.crm4j.NotFoundException when that listener has no dead letter on that event
     * @throws org.crm4j.AccessDeniedException when the actor is no administrator
     */
    void skip(long sequence, String listenerId);
}
