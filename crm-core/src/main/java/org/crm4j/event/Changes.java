package org.crm4j.event;

import org.crm4j.ValidationException;

/**
 * The change feed (R31): the domain events of the customers an actor covers, in the order their
 * transactions committed, read page by page from an opaque cursor that a point of sale keeps
 * between two reads (offline for days, if need be). Reached through {@code crm.as(actor).changes()}.
 *
 * <p>A reader that resumes from its cursor never misses an event that committed late: two
 * transactions may draw their events' sequence numbers in one order and commit in the other, but
 * the feed reads in commit order, and an event is readable before any event committed after it.
 * What a reader sees: the events about customers whose owner it covers (its own and its team's,
 * R28); an administrator also those about no customer (pipelines, campaigns ...). The feed reads
 * the outbox, which keeps every event; it is independent of delivery to listeners.
 *
 * <pre>{@code
 * ChangePage page = crm.as("pos-berlin").changes().since(savedCursor, 200);
 * page.events().forEach(pos::apply);
 * savedCursor = page.cursor();
 * }</pre>
 */
public interface Changes {
    /** The most events one page holds. */
    int MAX_PAGE = 1000;

    /**
     * @param cursor a cursor of an earlier page, or null to read from the first event
     * @param limit how many events at most, 1 to {@value #MAX_PAGE}
     * @return the events after the cursor, in commit order, and the cursor to read on from
     * @throws ValidationException when the cursor is malformed (field {@code cursor}, rule
     *     {@code Format}) or the limit out of range
     */
    ChangePage since(String cursor, int limit);

    /**
     * @return a cursor at the end of the feed as it stands: a new point of sale loads its data and
     *     reads on from here
     */
    String now();
}
