package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.crm4j.sales.SalesLine;

/** A line of a sales document ({@code crm_sales_line}), with its net amount for aggregates. */
@Embeddable
class SalesLineValue {
    @Column(name = "product_code", nullable = false, length = 50)
    String productCode;

    @Column(name = "product_group", length = 200)
    String productGroup;

    @Column(length = 2000)
    String description;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal quantity;

    @Column(length = 50)
    String unit;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    BigDecimal unitPrice;

    @Column(name = "discount_percent", nullable = false, precision = 7, scale = 4)
    BigDecimal discountPercent;

    @Column(name = "discount_reason", length = 2000)
    String discountReason;

    @Column(name = "tax_rate", nullable = false, precision = 7, scale = 4)
    BigDecimal taxRate;

    @Column(name = "net_amount", nullable = false, precision = 19, scale = 4)
    BigDecimal netAmount;

    @Column(name = "line_cost", precision = 19, scale = 4)
    BigDecimal lineCost;

    /** For Hibernate. */
    protected SalesLineValue() {
    }

    static SalesLineValue of(SalesLine line, Currency currency) {
        SalesLineValue v = new SalesLineValue();
        v.productCode = line.productCode();
        v.productGroup = line.productGroup();
        v.description = line.description();
        v.quantity = line.quantity();
        v.unit = line.unit();
        v.unitPrice = line.unitPrice();
        v.discountPercent = line.discountPercent();
        v.discountReason = line.discountReason();
        v.taxRate = line.taxRate();
        v.netAmount = line.net(currency);
        v.lineCost = line.cost();
        return v;
    }

    SalesLine toLine() {
        // the record strips the zeros the column's scale added, so a line reads back equal
        return new SalesLine(productCode, productGroup, description, quantity, unit, unitPrice, discountPercent,
                discountReason, taxRate, lineCost);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SalesLineValue other && toLine().equals(other.toLine());
    }

    @Override
    public int hashCode() {
        return Objects.hash(productCode, quantity == null ? null : quantity.stripTrailingZeros());
    }
}
