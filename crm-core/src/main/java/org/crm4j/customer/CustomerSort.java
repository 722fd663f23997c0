package org.crm4j.customer;

/** The orders a customer search can return; ties are broken by id, so paging is stable. */
public enum CustomerSort {
    /** By name, ignoring case, A to Z. */
    NAME_ASC,
    /** By name, ignoring case, Z to A. */
    NAME_DESC,
    /** Oldest first. */
    CREATED_ASC,
    /** Newest first. */
    CREATED_DESC;

    /** @return whether the order is descending */
    public boolean descending() {
        return this == NAME_DESC || this == CREATED_DESC;
    }

    /** @return whether the order is by name */
    public boolean byName() {
        return this == NAME_ASC || this == NAME_DESC;
    }
}
