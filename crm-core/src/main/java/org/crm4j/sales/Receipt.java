package org.crm4j.sales;

/**
 * What receiving a record from the ERP gave.
 *
 * @param value the record as stored now
 * @param outcome whether it was created, updated or already so
 * @param <T> the record's type
 */
public record Receipt<T>(T value, ReceiptOutcome outcome) {
}
