package org.crm4j.store;

import org.crm4j.customer.Criterion;
import org.crm4j.customer.CustomerSort;

/**
 * A search as a store runs it.
 *
 * @param where the criteria, or null for all
 * @param includeArchived whether archived customers match
 * @param visibility which customers may match at all, applied in the WHERE clause
 * @param sort the order
 * @param after where the previous page ended, or null for the first page
 * @param limit how many rows at most
 */
public record CustomerSearch(Criterion where, boolean includeArchived, Visibility visibility, CustomerSort sort,
        Keyset after, int limit) {
}
