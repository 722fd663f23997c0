package org.crm4j.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * One line of a {@link SalesDocument}: what was sold, how many, at what price, with what discount
 * (and why: R32) and tax, and, where the ERP knows it, what the line cost us (for margins).
 *
 * <pre>{@code
 * SalesLine.of("LIC-PRO", new BigDecimal("3"), new BigDecimal("120.00"))
 *         .group("licences").description("Pro licence, 1 year").unit("pcs")
 *         .discount(new BigDecimal("10"), "three-year customer").taxRate(new BigDecimal("20"))
 *         .cost(new BigDecimal("90.00"));
 * }</pre>
 *
 * @param productCode the product's code (up to 50 characters)
 * @param productGroup the product group, or null (up to 200)
 * @param description a description, or null (up to 2,000)
 * @param quantity how many (up to 15 digits before the point and 4 after it, not negative)
 * @param unit the unit, or null (up to 50)
 * @param unitPrice the price of one unit before discount (not negative; 4 places at most)
 * @param discountPercent the discount, 0–100
 * @param discountReason why the discount was given, or null (up to 2,000)
 * @param taxRate the tax rate in per cent, 0–100
 * @param cost what the whole line cost us, or null when the ERP does not say
 */
public record SalesLine(String productCode, String productGroup, String description, BigDecimal quantity, String unit,
        BigDecimal unitPrice, BigDecimal discountPercent, String discountReason, BigDecimal taxRate, BigDecimal cost) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Strips blanks to null and trailing zeros from the numbers, so that equal lines are equal. */
    public SalesLine {
        productCode = Rules.blankToNull(productCode);
        productGroup = Rules.blankToNull(productGroup);
        description = Rules.blankToNull(description);
        unit = Rules.blankToNull(unit);
        discountReason = Rules.blankToNull(discountReason);
        quantity = plain(quantity);
        unitPrice = plain(unitPrice);
        discountPercent = discountPercent == null ? BigDecimal.ZERO : plain(discountPercent);
        taxRate = taxRate == null ? BigDecimal.ZERO : plain(taxRate);
        cost = plain(cost);
    }

    /**
     * @param productCode the product's code
     * @param quantity how many
     * @param unitPrice the price of one unit
     * @return a line with no discount, no tax and nothing else said
     */
    public static SalesLine of(String productCode, BigDecimal quantity, BigDecimal unitPrice) {
        return new SalesLine(productCode, null, null, quantity, null, unitPrice, BigDecimal.ZERO, null, BigDecimal.ZERO,
                null);
    }

    /** @param group the product group @return a copy with it */
    public SalesLine group(String group) {
        return new SalesLine(productCode, group, description, quantity, unit, unitPrice, discountPercent,
                discountReason, taxRate, cost);
    }

    /** @param text the description @return a copy with it */
    public SalesLine description(String text) {
        return new SalesLine(productCode, productGroup, text, quantity, unit, unitPrice, discountPercent,
                discountReason, taxRate, cost);
    }

    /** @param name the unit @return a copy with it */
    public SalesLine unit(String name) {
        return new SalesLine(productCode, productGroup, description, quantity, name, unitPrice, discountPercent,
                discountReason, taxRate, cost);
    }

    /** @param percent the discount @param reason why it was given @return a copy with them */
    public SalesLine discount(BigDecimal percent, String reason) {
        return new SalesLine(productCode, productGroup, description, quantity, unit, unitPrice, percent, reason,
                taxRate, cost);
    }

    /** @param percent the tax rate @return a copy with it */
    public SalesLine taxRate(BigDecimal percent) {
        return new SalesLine(productCode, productGroup, description, quantity, unit, unitPrice, discountPercent,
                discountReason, percent, cost);
    }

    /** @param lineCost what the whole line cost us @return a copy with it */
    public SalesLine cost(BigDecimal lineCost) {
        return new SalesLine(productCode, productGroup, description, quantity, unit, unitPrice, discountPercent,
                discountReason, taxRate, lineCost);
    }

    /**
     * @param currency the document's currency
     * @return quantity × unit price × (1 − discount), rounded half up to the currency's places
     */
    public BigDecimal net(Currency currency) {
        BigDecimal gross = quantity.multiply(unitPrice);
        BigDecimal net = gross.subtract(gross.multiply(discountPercent).divide(HUNDRED));
        return net.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
    }

    /**
     * @param currency the document's currency
     * @return the tax on the net amount, rounded half up to the currency's places
     */
    public BigDecimal tax(Currency currency) {
        return net(currency).multiply(taxRate).divide(HUNDRED)
                .setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
    }

    void check(Rules rules, String prefix) {
        rules.notBlank(prefix + "productCode", productCode, "name the product's code")
                .text(prefix + "productCode", productCode, Rules.MAX_CODE)
                .text(prefix + "productGroup", productGroup, Rules.MAX_NAME)
                .text(prefix + "description", description, Rules.MAX_TEXT)
                .text(prefix + "unit", unit, Rules.MAX_CODE)
                .text(prefix + "discountReason", discountReason, Rules.MAX_TEXT)
                .notNull(prefix + "quantity", quantity, "a line needs its quantity")
                .notNull(prefix + "unitPrice", unitPrice, "a line needs its unit price")
                .notNegative(prefix + "quantity", quantity)
                .digits(prefix + "quantity", quantity, 15, 4)
                .notNegative(prefix + "unitPrice", unitPrice)
                .digits(prefix + "unitPrice", unitPrice, 15, 4)
                .percent(prefix + "discountPercent", discountPercent)
                .digits(prefix + "discountPercent", discountPercent, 3, 4)
                .percent(prefix + "taxRate", taxRate)
                .digits(prefix + "taxRate", taxRate, 3, 4)
                .notNegative(prefix + "cost", cost)
                .digits(prefix + "cost", cost, 15, 4);
        if (quantity != null && unitPrice != null) {
            rules.digits(prefix + "amount", quantity.multiply(unitPrice).setScale(0, RoundingMode.DOWN), 15, 0);
        }
    }

    private static BigDecimal plain(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
