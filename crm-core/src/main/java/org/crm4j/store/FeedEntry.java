package org.crm4j.store;

import org.crm4j.event.DomainEvent;

/**
 * An event as the change feed reads it: where it stands in the commit order, and the event.
 *
 * @param commitNo the number of the commit that wrote it: commits are numbered in the order they
 *     happen, so an event is readable before any of a higher number
 * @param sequence its position in the outbox, which orders the events of one commit
 * @param event the event
 */
public record FeedEntry(long commitNo, long sequence, DomainEvent event) {

    /**
     * A place in the feed.
     *
     * @param commitNo a commit number
     * @param sequence a sequence number within it
     */
    public record Position(long commitNo, long sequence) {
    }
}
