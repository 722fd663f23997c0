package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.sales.store.PaymentRecord;

/** A payment against an invoice ({@code crm_payment}). */
@Entity(name = "Payment")
@Table(name = "crm_payment")
class PaymentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_payment_seq")
    @SequenceGenerator(name = "crm_payment_seq", sequenceName = "crm_payment_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    /** Null for a payment on account (V23). */
    @Column(name = "invoice_id")
    Long invoiceId;

    @Column(name = "customer_id", nullable = false)
    long customerId;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(name = "paid_on", nullable = false)
    LocalDate paidOn;

    @Column(name = "external_system", nullable = false, length = 50, updatable = false)
    String externalSystem;

    @Column(name = "external_id", nullable = false, length = 100, updatable = false)
    String externalId;

    @Column(name = "received_at", nullable = false, updatable = false)
    Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** For Hibernate. */
    protected PaymentEntity() {
    }

    static PaymentEntity of(PaymentRecord r) {
        PaymentEntity e = new PaymentEntity();
        e.externalSystem = r.externalRef().system();
        e.externalId = r.externalRef().id();
        e.receivedAt = r.receivedAt();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(PaymentRecord r) {
        invoiceId = r.invoiceId();
        customerId = r.customerId();
        currency = r.amount().currency().getCurrencyCode();
        amount = r.amount().amount();
        paidOn = r.paidOn();
        updatedAt = r.updatedAt();
    }

    PaymentRecord toRecord() {
        return new PaymentRecord(id, version, ExternalRef.of(externalSystem, externalId), invoiceId, customerId,
                new Money(amount, Currency.getInstance(currency)), paidOn, receivedAt, updatedAt);
    }
}
