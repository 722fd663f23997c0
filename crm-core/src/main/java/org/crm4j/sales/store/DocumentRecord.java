package org.crm4j.sales.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;
import org.crm4j.sales.DocumentKind;
import org.crm4j.sales.SalesDocument;
import org.crm4j.sales.SalesDocumentId;
import org.crm4j.sales.SalesLine;

/**
 * A sales document as a store keeps it; see {@link SalesDocument} for the fields. The totals are
 * kept beside the lines, so that sums over many documents read no lines.
 *
 * @param id the id, 0 before it is inserted
 * @param version the version, 0 before it is inserted
 * @param currency the ISO 4217 code
 * @param billTo the billing address, or null
 * @param shipTo the delivery address, or null
 */
public record DocumentRecord(long id, long version, DocumentKind kind, ExternalRef externalRef, long customerId,
        String currency, LocalDate orderedOn, LocalDate invoicedOn, LocalDate dueOn, String salespersonId,
        List<SalesLine> lines, BigDecimal net, BigDecimal tax, BigDecimal gross, Long reversesId, Long orderId,
        Long opportunityId, Long campaignId, Instant receivedAt, Instant updatedAt,
        org.crm4j.sales.DocumentAddress billTo, org.crm4j.sales.DocumentAddress shipTo) {

    /** Copies the lines. */
    public DocumentRecord {
        lines = List.copyOf(lines);
    }

    /** A document without addresses. */
    public DocumentRecord(long id, long version, DocumentKind kind, ExternalRef externalRef, long customerId,
            String currency, LocalDate orderedOn, LocalDate invoicedOn, LocalDate dueOn, String salespersonId,
            List<SalesLine> lines, BigDecimal net, BigDecimal tax, BigDecimal gross, Long reversesId, Long orderId,
            Long opportunityId, Long campaignId, Instant receivedAt, Instant updatedAt) {
        this(id, version, kind, externalRef, customerId, currency, orderedOn, invoicedOn, dueOn, salespersonId, lines,
                net, tax, gross, reversesId, orderId, opportunityId, campaignId, receivedAt, updatedAt, null, null);
    }

    /** @return it as the API shows it */
    public SalesDocument toDocument() {
        Currency c = Currency.getInstance(currency);
        return new SalesDocument(SalesDocumentId.of(id), kind, externalRef, CustomerId.of(customerId), orderedOn,
                invoicedOn, dueOn, salespersonId, lines, new Money(net, c), new Money(tax, c), new Money(gross, c),
                reversesId == null ? null : SalesDocumentId.of(reversesId),
                orderId == null ? null : SalesDocumentId.of(orderId), opportunityId, campaignId, version, receivedAt,
                updatedAt, billTo, shipTo);
    }

    /** @return a copy with the id and version given (by the store, when it inserts or updates) */
    public DocumentRecord stored(long newId, long newVersion) {
        return new DocumentRecord(newId, newVersion, kind, externalRef, customerId, currency, orderedOn, invoicedOn,
                dueOn, salespersonId, lines, net, tax, gross, reversesId, orderId, opportunityId, campaignId,
                receivedAt, updatedAt, billTo, shipTo);
    }

    /**
     * @param other another delivery of the same document
     * @return whether it says the same (what the ERP sends, not when crm4j got it)
     */
    public boolean sameContent(DocumentRecord other) {
        return kind == other.kind && customerId == other.customerId && currency.equals(other.currency)
                && Objects.equals(orderedOn, other.orderedOn) && Objects.equals(invoicedOn, other.invoicedOn)
                && Objects.equals(dueOn, other.dueOn) && Objects.equals(salespersonId, other.salespersonId)
                && lines.equals(other.lines) && Objects.equals(reversesId, other.reversesId)
                && Objects.equals(orderId, other.orderId) && Objects.equals(opportunityId, other.opportunityId)
                && Objects.equals(campaignId, other.campaignId) && Objects.equals(billTo, other.billTo)
                && Objects.equals(shipTo, other.shipTo);
    }
}
