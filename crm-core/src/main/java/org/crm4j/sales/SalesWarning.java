package org.crm4j.sales;

import org.crm4j.common.ExternalRef;

/**
 * A doubt about a value of a sales document that was taken anyway (a phone number stored
 * normalised though not valid under today's numbering plan, or left out as unreadable); with
 * {@link SalesImportOptions#strictPhones()} such a document is refused instead.
 *
 * @param position the document's position in the import, from 1 (0 for a single document received)
 * @param document the document's ERP reference
 * @param field the field, e.g. {@code billTo.phone}
 * @param value the value as the ERP wrote it
 * @param message what was done with it, and why
 */
public record SalesWarning(long position, ExternalRef document, String field, String value, String message) {
}
