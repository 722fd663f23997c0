package org.crm4j.customer;

/** Where a contact person's consent for one purpose stands. */
public enum ConsentStatus {
    /** The contact agreed to be written to for the purpose. */
    GRANTED,
    /** The contact took the consent back; nothing for the purpose goes to them. */
    WITHDRAWN
}
