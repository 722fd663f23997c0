/**
 * What customers buy (R6, R11, R13, R29): {@link org.crm4j.sales.ServiceContract}s a customer has
 * under contract, {@link org.crm4j.sales.SalesDocument}s (orders, invoices, credit notes) and
 * {@link org.crm4j.sales.Payment}s received from the ERP, idempotently by the ERP's reference, and
 * what is outstanding ({@link org.crm4j.sales.InvoiceBalance}, {@link org.crm4j.customer.SalesSummary}),
 * reached through {@link org.crm4j.sales.Sales} ({@code crm.as(actor).sales()}). Store adapters
 * implement {@link org.crm4j.sales.store.SalesStore}.
 */
package org.crm4j.sales;
