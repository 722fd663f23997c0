package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import org.crm4j.common.BillingPeriod;
import org.crm4j.sales.store.ServiceRecord;

/** A service a customer has under contract ({@code crm_service}). */
@Entity(name = "ServiceContract")
@Table(name = "crm_service")
class ServiceContractEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_service_seq")
    @SequenceGenerator(name = "crm_service_seq", sequenceName = "crm_service_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(name = "product_code", nullable = false, length = 50)
    String productCode;

    @Column(name = "product_name", nullable = false, length = 200)
    String productName;

    @Column(name = "starts_on", nullable = false)
    LocalDate startsOn;

    @Column(name = "ends_on")
    LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing_period", nullable = false, length = 20)
    BillingPeriod billingPeriod;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal price;

    @Column(precision = 19, scale = 4)
    BigDecimal cost;

    @Column(name = "auto_renew", nullable = false)
    boolean autoRenew;

    @Column(name = "notice_days", nullable = false)
    int noticeDays;

    /** The end less the notice days: the last day notice can be given, for the renewal notices (V23). */
    @Column(name = "notice_by")
    LocalDate noticeBy;

    @Column(name = "cancel_reason", length = 2000)
    String cancelReason;

    @Column(name = "cancelled_on")
    LocalDate cancelledOn;

    @Column(name = "salesperson_id", length = 100)
    String salespersonId;

    @Column(name = "external_system", length = 50, updatable = false)
    String externalSystem;

    @Column(name = "external_id", length = 100, updatable = false)
    String externalId;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** For Hibernate. */
    protected ServiceContractEntity() {
    }

    static ServiceContractEntity of(ServiceRecord r) {
        ServiceContractEntity e = new ServiceContractEntity();
        e.customerId = r.customerId();
        e.externalSystem = r.externalRef() == null ? null : r.externalRef().system();
        e.externalId = r.externalRef() == null ? null : r.externalRef().id();
        e.createdAt = r.createdAt();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(ServiceRecord r) {
        productCode = r.productCode();
        productName = r.productName();
        startsOn = r.startsOn();
        endsOn = r.endsOn();
        billingPeriod = r.billingPeriod();
        currency = r.price().currency().getCurrencyCode();
        price = r.price().amount();
        cost = r.cost() == null ? null : r.cost().amount();
        autoRenew = r.autoRenew();
        noticeDays = r.noticeDays();
        noticeBy = r.endsOn() == null ? null : r.endsOn().minusDays(r.noticeDays());
        cancelReason = r.cancelReason();
        cancelledOn = r.cancelledOn();
        salespersonId = r.salespersonId();
        updatedAt = r.updatedAt();
    }

    ServiceRecord toRecord() {
        Currency c = Currency.getInstance(currency);
        return new ServiceRecord(id, version, customerId, productCode, productName, startsOn, endsOn, billingPeriod,
                new Money(price, c), cost == null ? null : new Money(cost, c), autoRenew, noticeDays, cancelReason, cancelledOn,
                salespersonId, externalSystem == null ? null : ExternalRef.of(externalSystem, externalId), createdAt,
                updatedAt);
    }
}
