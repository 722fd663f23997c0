package org.crm4j.sales;

/** What a sales document from the ERP is. */
public enum DocumentKind {
    /** An order the customer placed. */
    ORDER,
    /** An invoice: what the customer owes. */
    INVOICE,
    /** A credit note that reverses (part of) an invoice: its amounts are what is credited. */
    CREDIT_NOTE
}
