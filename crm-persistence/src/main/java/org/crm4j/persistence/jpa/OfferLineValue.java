package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.crm4j.common.Money;
import org.crm4j.pipeline.OfferLine;

/** A line of an offer ({@code crm_offer_line}); its currency is the offer's. */
@Embeddable
class OfferLineValue {
    @Column(nullable = false, length = 50)
    String code;

    @Column(nullable = false, length = 500)
    String description;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal quantity;

    @Column(length = 20)
    String unit;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    BigDecimal unitPrice;

    @Column(name = "discount_percent", nullable = false, precision = 7, scale = 4)
    BigDecimal discountPercent;

    @Column(name = "discount_reason", length = 200)
    String discountReason;

    @Column(name = "tax_rate", nullable = false, precision = 7, scale = 4)
    BigDecimal taxRate;

    /** For Hibernate. */
    protected OfferLineValue() {
    }

    static OfferLineValue of(OfferLine line) {
        OfferLineValue v = new OfferLineValue();
        v.code = line.code();
        v.description = line.description();
        v.quantity = line.quantity();
        v.unit = line.unit();
        v.unitPrice = line.unitPrice().amount();
        v.discountPercent = line.discountPercent();
        v.discountReason = line.discountReason();
        v.taxRate = line.taxRate();
        return v;
    }

    OfferLine toLine(Currency currency) {
        return new OfferLine(code, description, quantity, unit, new Money(unitPrice, currency), discountPercent,
                discountReason, taxRate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OfferLineValue other && code.equals(other.code) && description.equals(other.description)
                && quantity.compareTo(other.quantity) == 0 && Objects.equals(unit, other.unit)
                && unitPrice.compareTo(other.unitPrice) == 0 && discountPercent.compareTo(other.discountPercent) == 0
                && Objects.equals(discountReason, other.discountReason) && taxRate.compareTo(other.taxRate) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, description, unit, discountReason);
    }
}
