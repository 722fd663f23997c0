package org.crm4j.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;

/**
 * An order, invoice or credit note from the ERP (R6, R29), as crm4j keeps it: its lines and totals,
 * the salesperson, and what it links to (the invoice a credit note reverses, the order an invoice
 * bills, and through it the deal and the campaign it was won by). Seen by whoever covers the
 * customer's owner or the salesperson (R28).
 *
 * @param id the id
 * @param kind order, invoice or credit note
 * @param externalRef the document in the ERP: unique per system
 * @param customerId the customer
 * @param orderedOn when it was ordered, or null
 * @param invoicedOn when it was invoiced or credited, or null for an order
 * @param dueOn when an invoice is due, or null
 * @param salespersonId the salesperson, or null
 * @param lines the lines, in order
 * @param net the sum of the lines' net amounts
 * @param tax the sum of the lines' tax
 * @param gross net + tax: what the customer owes for an invoice, what is credited for a credit note
 * @param reverses the invoice a credit note reverses, or null
 * @param orderId the order an invoice bills, or null
 * @param opportunityId the deal it came from, or null
 * @param campaignId the campaign that deal came from, or null
 * @param version the version: 0 when received, one more with every change the ERP sends
 * @param receivedAt when it was first received
 * @param updatedAt when it last changed
 * @param billTo the billing address, or null
 * @param shipTo the delivery address, or null
 */
public record SalesDocument(SalesDocumentId id, DocumentKind kind, ExternalRef externalRef, CustomerId customerId,
        LocalDate orderedOn, LocalDate invoicedOn, LocalDate dueOn, String salespersonId, List<SalesLine> lines,
        Money net, Money tax, Money gross, SalesDocumentId reverses, SalesDocumentId orderId, Long opportunityId,
        Long campaignId, long version, Instant receivedAt, Instant updatedAt, DocumentAddress billTo,
        DocumentAddress shipTo) {

    /** Copies the lines. */
    public SalesDocument {
        lines = List.copyOf(lines);
    }

    /** A document without addresses. */
    public SalesDocument(SalesDocumentId id, DocumentKind kind, ExternalRef externalRef, CustomerId customerId,
            LocalDate orderedOn, LocalDate invoicedOn, LocalDate dueOn, String salespersonId, List<SalesLine> lines,
            Money net, Money tax, Money gross, SalesDocumentId reverses, SalesDocumentId orderId, Long opportunityId,
            Long campaignId, long version, Instant receivedAt, Instant updatedAt) {
        this(id, kind, externalRef, customerId, orderedOn, invoicedOn, dueOn, salespersonId, lines, net, tax, gross,
                reverses, orderId, opportunityId, campaignId, version, receivedAt, updatedAt, null, null);
    }

    /** @return the deal it came from, if known */
    public Optional<Long> opportunity() {
        return Optional.ofNullable(opportunityId);
    }

    /** @return the campaign its deal came from, if known */
    public Optional<Long> campaign() {
        return Optional.ofNullable(campaignId);
    }
}
