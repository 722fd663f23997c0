package org.crm4j.sales;

import java.util.List;

/**
 * What receiving a record from the ERP gave.
 *
 * @param value the record as stored now
 * @param outcome whether it was created, updated or already so
 * @param warnings doubts about values taken anyway (a phone number of a document's address)
 * @param <T> the record's type
 */
public record Receipt<T>(T value, ReceiptOutcome outcome, List<SalesWarning> warnings) {

    /** Copies the list. */
    public Receipt {
        warnings = List.copyOf(warnings);
    }

    /**
     * A receipt without warnings.
     *
     * @param value the record as stored now
     * @param outcome whether it was created, updated or already so
     */
    public Receipt(T value, ReceiptOutcome outcome) {
        this(value, outcome, List.of());
    }
}
