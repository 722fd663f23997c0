package org.crm4j.customer;

/** Whether a customer is a company (any organisation) or a natural person. */
public enum CustomerKind {
    /** A company, public body, association or other organisation. */
    COMPANY,
    /** A natural person buying on their own account. */
    PERSON
}
