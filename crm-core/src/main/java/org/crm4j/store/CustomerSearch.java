package org.crm4j.store;

import org.crm4j.customer.Criterion;
import org.crm4j.customer.CustomerSort;

/**
 * A search as a store runs it.
 *
 * @param where the criteria, or null for all
 * @param includeArchived whether archived customers match
 * @param visibility which customers may match at all, applied in the WHERE clause: everything (a
 *     search of basic fields) or the viewer's own need-to-know
 * @param sort the order
 * @param after where the previous page ended, or null for the first page
 * @param limit how many rows at most
 * @param viewer whose need-to-know decides {@link CustomerRow#openable()} of each row
 */
public record CustomerSearch(Criterion where, boolean includeArchived, Visibility visibility, CustomerSort sort,
        Keyset after, int limit, Visibility viewer) {

    /** @throws IllegalArgumentException when the rows are filtered by another need-to-know than the viewer's */
    public CustomerSearch {
        if (viewer == null) {
            viewer = visibility;
        }
        if (!visibility.all() && !visibility.equals(viewer)) {
            throw new IllegalArgumentException("a search is filtered by everything or by its viewer's need-to-know");
        }
    }

    /**
     * A search whose rows are filtered by, and flagged for, one need-to-know.
     *
     * @param where the criteria, or null for all
     * @param includeArchived whether archived customers match
     * @param visibility which customers may match, and whose openability is told
     * @param sort the order
     * @param after where the previous page ended, or null
     * @param limit how many rows at most
     */
    public CustomerSearch(Criterion where, boolean includeArchived, Visibility visibility, CustomerSort sort,
            Keyset after, int limit) {
        this(where, includeArchived, visibility, sort, after, limit, visibility);
    }
}
