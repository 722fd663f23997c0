package org.crm4j.store;

/**
 * Where the previous page ended: the sort value and the id of its last row. The next page starts
 * strictly after it, compared as a row value {@code (sortValue, id)}.
 *
 * <p>A customer search by creation carries the last row's id only, never a time the caller could
 * choose: its keyset has no sort value ({@link #afterRow}), and the store reads the sort value of
 * that row in the search's own statement. When the row is gone, the page is empty. A search by
 * name carries the last row's name key, which everyone may find.
 *
 * @param sortValue the last row's sort value (a {@code String} name key or an {@code Instant}), or
 *     null when the store reads it from the row with the id
 * @param id the last row's id
 */
public record Keyset(Object sortValue, long id) {
    /**
     * @param id the id of the previous page's last row
     * @return a keyset whose sort value is that row's, read by the store
     */
    public static Keyset afterRow(long id) {
        return new Keyset(null, id);
    }

    /** @return whether the store reads the sort value from the row with {@link #id()} */
    public boolean byRow() {
        return sortValue == null;
    }
}
