package org.crm4j.event;

import java.util.List;

/**
 * A page of the change feed.
 *
 * @param events the events, in commit order
 * @param cursor where to read on from: after the last event of this page (the cursor passed in
 *     when the page is empty)
 * @param more whether more events followed when the page was read
 */
public record ChangePage(List<DomainEvent> events, String cursor, boolean more) {

    /** Copies the list. */
    public ChangePage {
        events = List.copyOf(events);
    }
}
