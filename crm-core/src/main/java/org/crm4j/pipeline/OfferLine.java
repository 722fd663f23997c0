package org.crm4j.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Money;

/**
 * One line of an offer (R6, R13): a product or service by its code, how many, at what unit price,
 * with an optional discount (whose reason is recorded, R32) and the tax rate that applies.
 *
 * <pre>{@code
 * OfferLine.of("SRV-01", "Installation", new BigDecimal("3"), Money.of("450.00", "EUR"), new BigDecimal("19"))
 *         .unit("day")
 *         .discount(new BigDecimal("10"), "first order");
 * }</pre>
 *
 * <p>Quantities and rates keep up to {@value #DECIMALS} decimal places; trailing zeros are
 * dropped ({@code 19.00} is {@code 19}).
 *
 * @param code the product or service code, e.g. the ERP's article number
 * @param description what is offered
 * @param quantity how many, greater than 0
 * @param unit the unit of the quantity (e.g. {@code pcs}, {@code h}), or null
 * @param unitPrice the price of one unit before the discount, not negative
 * @param discountPercent the discount in percent, 0 to 100 (0 when none)
 * @param discountReason why the discount is given; required when there is one
 * @param taxRate the tax rate in percent, 0 to 100
 */
public record OfferLine(String code, String description, BigDecimal quantity, String unit, Money unitPrice,
        BigDecimal discountPercent, String discountReason, BigDecimal taxRate) {
    /** The decimal places a quantity, a discount or a tax rate may have. */
    public static final int DECIMALS = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

    /** @throws ValidationException listing every broken rule of the line */
    public OfferLine {
        List<Violation> violations = new ArrayList<>();
        code = strip(code);
        description = strip(description);
        unit = strip(unit);
        discountReason = strip(discountReason);
        text(violations, "line.code", code, 50, true);
        text(violations, "line.description", description, 500, true);
        text(violations, "line.unit", unit, 20, false);
        text(violations, "line.discountReason", discountReason, 200, false);
        quantity = decimal(violations, "line.quantity", quantity);
        if (quantity != null && (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0)) {
            violations.add(new Violation("line.quantity", "Range", "must be greater than 0 and at most "
                    + MAX_QUANTITY.toPlainString() + ", was " + quantity.toPlainString()));
        }
        if (unitPrice == null) {
            violations.add(new Violation("line.unitPrice", "NotNull", "cannot be null"));
        } else if (unitPrice.isNegative()) {
            violations.add(new Violation("line.unitPrice", "PositiveOrZero", "must not be negative"));
        }
        discountPercent = discountPercent == null ? BigDecimal.ZERO : discountPercent;
        discountPercent = percent(violations, "line.discountPercent", discountPercent);
        if (discountPercent != null && discountPercent.signum() > 0 && discountReason == null) {
            violations.add(new Violation("line.discountReason", "NotBlank", "a discount is given for a reason"));
        }
        if (discountPercent != null && discountPercent.signum() == 0) {
            discountReason = null;
        }
        taxRate = percent(violations, "line.taxRate", taxRate);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param code the product or service code
     * @param description what is offered
     * @param quantity how many
     * @param unitPrice the price of one unit
     * @param taxRate the tax rate in percent
     * @return a line without unit and discount
     */
    public static OfferLine of(String code, String description, BigDecimal quantity, Money unitPrice,
            BigDecimal taxRate) {
        return new OfferLine(code, description, quantity, null, unitPrice, BigDecimal.ZERO, null, taxRate);
    }

    /**
     * @param newUnit the unit of the quantity, e.g. {@code h}
     * @return a copy with that unit
     */
    public OfferLine unit(String newUnit) {
        return new OfferLine(code, description, quantity, newUnit, unitPrice, discountPercent, discountReason, taxRate);
    }

    /**
     * @param percent the discount in percent, 0 to 100
     * @param reason why it is given (recorded, R32)
     * @return a copy with that discount
     */
    public OfferLine discount(BigDecimal percent, String reason) {
        return new OfferLine(code, description, quantity, unit, unitPrice, percent, reason, taxRate);
    }

    /** @return quantity × unit price, before the discount, rounded to the currency half up */
    public Money listAmount() {
        return Money.rounded(quantity.multiply(unitPrice.amount()), unitPrice.currency().getCurrencyCode(),
                OfferTotals.ROUNDING);
    }

    /** @return quantity × unit price × (100 − discount) / 100, rounded once to the currency, half up */
    public Money net() {
        BigDecimal exact = quantity.multiply(unitPrice.amount()).multiply(HUNDRED.subtract(discountPercent))
                .movePointLeft(2);
        return Money.rounded(exact, unitPrice.currency().getCurrencyCode(), OfferTotals.ROUNDING);
    }

    /** @return how much the discount takes off the list amount */
    public Money discountAmount() {
        return listAmount().minus(net());
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void text(List<Violation> violations, String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                violations.add(new Violation(field, "NotBlank", "must not be blank"));
            }
        } else if (value.length() > max) {
            violations.add(new Violation(field, "Size", "must have at most " + max + " characters"));
        }
    }

    private static BigDecimal decimal(List<Violation> violations, String field, BigDecimal value) {
        if (value == null) {
            violations.add(new Violation(field, "NotNull", "cannot be null"));
            return null;
        }
        BigDecimal normal = value.stripTrailingZeros();
        if (normal.scale() < 0) {
            normal = normal.setScale(0);
        }
        if (normal.scale() > DECIMALS) {
            violations.add(new Violation(field, "Scale", value.toPlainString() + " has more than " + DECIMALS
                    + " decimal places"));
        }
        return normal;
    }

    private static BigDecimal percent(List<Violation> violations, String field, BigDecimal value) {
        BigDecimal normal = decimal(violations, field, value);
        if (normal != null && (normal.signum() < 0 || normal.compareTo(HUNDRED) > 0)) {
            violations.add(new Violation(field, "Range", "must be 0 to 100, was " + normal.toPlainString()));
        }
        return normal;
    }
}
