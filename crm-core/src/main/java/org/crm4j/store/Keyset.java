package org.crm4j.store;

/**
 * Where the previous page ended: the sort value and the id of its last row. The next page starts
 * strictly after it, compared as a row value {@code (sortValue, id)}.
 *
 * @param sortValue the last row's sort value (a {@code String} name key or an {@code Instant})
 * @param id the last row's id
 */
public record Keyset(Object sortValue, long id) {
}
