package org.crm4j.customer;

/** Whether a customer shows in default lists. Archiving hides a customer but keeps everything (R5). */
public enum CustomerStatus {
    /** In default lists and searches. */
    ACTIVE,
    /** Hidden from default lists; everything is kept and it can be reactivated. */
    ARCHIVED
}
