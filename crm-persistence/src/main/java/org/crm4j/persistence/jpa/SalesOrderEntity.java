package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import org.crm4j.common.Money;
import org.crm4j.pipeline.store.SalesOrderRecord;

/** A sales order made from an accepted offer ({@code crm_sales_order}); never changed. */
@Entity(name = "SalesOrder")
@Table(name = "crm_sales_order")
class SalesOrderEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_sales_order_seq")
    @SequenceGenerator(name = "crm_sales_order_seq", sequenceName = "crm_sales_order_seq", allocationSize = 50)
    Long id;

    @Column(name = "offer_id", nullable = false, updatable = false)
    long offerId;

    @Column(name = "opportunity_id", nullable = false, updatable = false)
    long opportunityId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(nullable = false, length = 3, updatable = false)
    String currency;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    BigDecimal net;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    BigDecimal tax;

    @Column(nullable = false, precision = 19, scale = 4, updatable = false)
    BigDecimal gross;

    @Column(name = "placed_by", nullable = false, updatable = false, length = 100)
    String placedBy;

    @Column(name = "placed_at", nullable = false, updatable = false)
    Instant placedAt;

    /** For Hibernate. */
    protected SalesOrderEntity() {
    }

    static SalesOrderEntity of(SalesOrderRecord r) {
        SalesOrderEntity e = new SalesOrderEntity();
        e.offerId = r.offerId();
        e.opportunityId = r.opportunityId();
        e.customerId = r.customerId();
        e.currency = r.net().currency().getCurrencyCode();
        e.net = r.net().amount();
        e.tax = r.tax().amount();
        e.gross = r.gross().amount();
        e.placedBy = r.placedBy();
        e.placedAt = r.placedAt();
        return e;
    }

    SalesOrderRecord toRecord() {
        Currency c = Currency.getInstance(currency);
        // a numeric(19,4) value is exact at the currency's own places: Money drops the zeros
        return new SalesOrderRecord(id, offerId, opportunityId, customerId, new Money(net, c), new Money(tax, c),
                new Money(gross, c), placedBy, placedAt);
    }
}
