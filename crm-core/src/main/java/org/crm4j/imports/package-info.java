/**
 * Bulk import of customers with their contact persons (R29, R33) through
 * {@link org.crm4j.imports.Imports} ({@code crm.as(actor).imports()}): rows
 * ({@link org.crm4j.imports.ImportRow}) from a host's {@code Iterable} or {@code Stream}, or from a
 * CSV file through {@code org.crm4j.reports.imports.CsvCustomerSource} in crm-reports, upserted by
 * the ERP's external reference in batches of their own transactions, with a dry run, a progress
 * callback, rejected rows reported with their line, field and rule, and likely duplicates of
 * existing customers reported rather than silently created ({@link org.crm4j.imports.ImportReport}).
 */
package org.crm4j.imports;
