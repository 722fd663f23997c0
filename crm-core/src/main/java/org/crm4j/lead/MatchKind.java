package org.crm4j.lead;

/** What a {@link DuplicateMatch} found. */
public enum MatchKind {
    /** An existing customer. */
    CUSTOMER,
    /** An open lead on a prospect (new, contacted or qualified). */
    LEAD
}
