/**
 * Sources for the bulk import of customers ({@link org.crm4j.imports.Imports}, in crm-core) that
 * need a library crm-core may not use: {@link org.crm4j.reports.imports.CsvCustomerSource} reads
 * customers with their contact persons from a CSV file with Apache Commons CSV, mapping its
 * columns to {@link org.crm4j.reports.imports.CsvField}s.
 */
package org.crm4j.reports.imports;
