package org.crm4j.sales;

/** What receiving a record from the ERP did. */
public enum ReceiptOutcome {
    /** It was new and is stored. */
    CREATED,
    /** It was known by its external reference and differed: it is updated, at a new version. */
    UPDATED,
    /** It was known and the same: nothing changed, no event. */
    UNCHANGED
}
