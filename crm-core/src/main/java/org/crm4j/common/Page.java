package org.crm4j.common;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list, with the token of the next page when there is one. Tokens are opaque and
 * carry where the page ended (keyset paging), so page 1000 costs what page 1 costs.
 *
 * @param items the items
 * @param nextPageToken the token for the next page, or null on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextPageToken) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** @return the token of the next page, empty on the last page */
    public Optional<String> next() {
        return Optional.ofNullable(nextPageToken);
    }

    /** @return whether there is a next page */
    public boolean hasNext() {
        return nextPageToken != null;
    }
}
