package org.crm4j.sales.store;

import java.time.Instant;
import java.time.LocalDate;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;
import org.crm4j.sales.Payment;
import org.crm4j.sales.PaymentId;
import org.crm4j.sales.SalesDocumentId;

/**
 * A payment as a store keeps it; see {@link Payment} for the fields.
 *
 * @param id the id, 0 before it is inserted
 * @param version the version, 0 before it is inserted
 * @param invoiceId the invoice it pays, or null when it is on the customer's account
 */
public record PaymentRecord(long id, long version, ExternalRef externalRef, Long invoiceId, long customerId,
        Money amount, LocalDate paidOn, Instant receivedAt, Instant updatedAt) {

    /** @return it as the API shows it */
    public Payment toPayment() {
        return new Payment(PaymentId.of(id), externalRef, invoiceId == null ? null : SalesDocumentId.of(invoiceId), CustomerId.of(customerId),
                amount, paidOn, version, receivedAt);
    }

    /** @return a copy with the id and version given (by the store) */
    public PaymentRecord stored(long newId, long newVersion) {
        return new PaymentRecord(newId, newVersion, externalRef, invoiceId, customerId, amount, paidOn, receivedAt,
                updatedAt);
    }
}
