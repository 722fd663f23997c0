package org.crm4j.sales;

import java.time.Instant;
import java.time.LocalDate;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;

/**
 * A payment the ERP received against an invoice, or on the customer's account. Seen as its
 * invoice is; one on account by the customer's line.
 *
 * @param id the id
 * @param externalRef the payment in the ERP: unique per system
 * @param invoiceId the invoice it pays (part of), or null when it is on account
 * @param customerId the customer
 * @param amount the amount, in the invoice's currency
 * @param paidOn when it was paid
 * @param version the version: 0 when received, one more with every change
 * @param receivedAt when it was first received
 */
public record Payment(PaymentId id, ExternalRef externalRef, SalesDocumentId invoiceId, CustomerId customerId,
        Money amount, LocalDate paidOn, long version, Instant receivedAt) {

    /** @return the invoice it pays, if it is not on account */
    public java.util.Optional<SalesDocumentId> invoice() {
        return java.util.Optional.ofNullable(invoiceId);
    }
}
