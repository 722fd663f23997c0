package org.crm4j.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import org.crm4j.ValidationException;

/**
 * An amount of money in one currency. The amount is a {@link BigDecimal} kept at the
 * currency's number of decimal places: more places are refused, never silently rounded (use
 * {@link #rounded} for computed amounts). No floating point is ever used for money.
 *
 * @param amount the amount
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** The most digits an amount has before the decimal point: the stores keep 19 with 4 after it. */
    public static final int MAX_INTEGER_DIGITS = 15;

    /** @throws ValidationException when the amount or the currency is missing */
    public Money {
        if (amount == null) {
            throw new ValidationException("amount", "NotNull", "an amount is required");
        }
        if (currency == null) {
            throw new ValidationException("currency", "NotNull", "a currency is required");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new ValidationException("amount", "Digits", "must have at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point (what every store keeps), was "
                    + (amount.precision() - amount.scale()));
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        try {
            amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new ValidationException("amount", "Scale", amount.toPlainString() + " has more decimal places than "
                    + currency.getCurrencyCode() + " allows (" + digits + "); round it first, e.g. with Money.rounded");
        }
    }

    /**
     * Rounds a computed amount (a total, a weighted sum, a share) to the currency's decimal
     * places, half to even, as accounting does.
     *
     * @param amount any amount
     * @param currencyCode an ISO 4217 code
     * @return the rounded money
     */
    public static Money rounded(BigDecimal amount, String currencyCode) {
        return rounded(amount, currencyCode, RoundingMode.HALF_EVEN);
    }

    /**
     * Rounds a computed amount to the currency's decimal places the way given, e.g.
     * {@link RoundingMode#HALF_UP} as invoices do.
     *
     * @param amount any amount
     * @param currencyCode an ISO 4217 code
     * @param mode how to round
     * @return the rounded money
     */
    public static Money rounded(BigDecimal amount, String currencyCode, RoundingMode mode) {
        ValidationException.requireNonNull(amount, "amount");
        ValidationException.requireNonNull(mode, "mode");
        Money zero = of(BigDecimal.ZERO, currencyCode);
        int digits = Math.max(zero.currency.getDefaultFractionDigits(), 0);
        return new Money(amount.setScale(digits, mode), zero.currency);
    }

    /**
     * @param amount a decimal number, e.g. {@code "1250.00"}
     * @param currencyCode an ISO 4217 code, e.g. {@code "EUR"}
     * @return the money
     * @throws ValidationException when either is malformed
     */
    public static Money of(String amount, String currencyCode) {
        BigDecimal value;
        try {
            value = new BigDecimal(Objects.requireNonNull(amount, "amount").strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationException("amount", "Format", "'" + amount + "' is not a decimal number");
        }
        return of(value, currencyCode);
    }

    /**
     * @param amount the amount
     * @param currencyCode an ISO 4217 code
     * @return the money
     */
    public static Money of(BigDecimal amount, String currencyCode) {
        Currency currency;
        try {
            currency = Currency.getInstance(Objects.requireNonNull(currencyCode, "currency"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException("currency", "Format", "'" + currencyCode + "' is not an ISO 4217 currency code");
        }
        return new Money(amount, currency);
    }

    /** @return whether the amount is below zero */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * @param other money in the same currency
     * @return the sum
     * @throws ValidationException when the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * @param other money in the same currency
     * @return the difference
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new ValidationException("currency", "SameCurrency",
                    "cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
