package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.Currency;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "1250,      EUR, 1250.00",
        "10.5,      EUR, 10.50",
        "-10.00,    EUR, -10.00",
        "100,       JPY, 100",
        "1.000,     BHD, 1.000",
    })
    void scalesToTheCurrencyDigits(String amount, String currency, String expected) {
        Money money = Money.of(amount, currency);

        assertThat(money.amount()).isEqualByComparingTo(expected);
        assertThat(money.amount().scale()).isEqualTo(new BigDecimal(expected).scale());
    }

    @ParameterizedTest
    @CsvSource({"10.005, EUR", "100.5, JPY", "1.0005, BHD"})
    void refusesMorePlacesThanTheCurrencyHasInsteadOfRounding(String amount, String currency) {
        assertThatThrownBy(() -> Money.of(amount, currency))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("amount", "Scale")));
    }

    @ParameterizedTest
    @CsvSource({
        "10.005,    EUR, 10.00",
        "10.015,    EUR, 10.02",
        "10.0251,   EUR, 10.03",
        "-10.005,   EUR, -10.00",
        "100.5,     JPY, 100",
        "101.5,     JPY, 102",
        "1.0005,    BHD, 1.000",
        "1.0015,    BHD, 1.002",
    })
    void roundedComputedAmountsHalfEven(String amount, String currency, String expected) {
        Money money = Money.rounded(new BigDecimal(amount), currency);

        assertThat(money.amount()).isEqualByComparingTo(expected);
        assertThat(money.amount().scale()).isEqualTo(new BigDecimal(expected).scale());
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789012345678901234567", "1e400", "1000000000000000"})
    void refusesAmountsBeyondWhatTheStoresKeep(String amount) {
        assertThatThrownBy(() -> new Money(new java.math.BigDecimal(amount), java.util.Currency.getInstance("EUR")))
                .isInstanceOfSatisfying(org.crm4j.ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("amount");
                            assertThat(v.rule()).isEqualTo("Digits");
                        }));
    }

    @Test
    void keepsTheLargestAmountTheStoresHold() {
        assertThat(Money.of("999999999999999.99", "EUR").amount()).isEqualByComparingTo("999999999999999.99");
    }

    @Test
    void amountsThatDifferOnlyInScaleAreEqual() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.000", "EUR"));
    }

    @Test
    void stripsWhitespaceAroundTheAmount() {
        assertThat(Money.of(" 12.50 ", "EUR")).hasToString("12.50 EUR");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"abc", "12,50", "1.2.3", "EUR 10"})
    void rejectsMalformedAmount(String amount) {
        assertThatThrownBy(() -> Money.of(amount, "EUR"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("amount", "Format")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XYZ", "eur", "EURO", "€"})
    void rejectsUnknownCurrency(String currency) {
        assertThatThrownBy(() -> Money.of("10", currency))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("currency", "Format")));
    }

    @Test
    void rejectsMissingAmountOrCurrency() {
        Currency eur = Currency.getInstance("EUR");

        assertThatThrownBy(() -> new Money(null, eur)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).hasViolation("amount")).isTrue());
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).hasViolation("currency")).isTrue());
    }

    @Test
    void addsAndSubtractsInTheSameCurrency() {
        Money a = Money.of("100.10", "EUR");
        Money b = Money.of("0.95", "EUR");

        assertThat(a.plus(b)).isEqualTo(Money.of("101.05", "EUR"));
        assertThat(b.minus(a)).isEqualTo(Money.of("-99.15", "EUR"));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.isNegative()).isFalse();
    }

    @Test
    void comparesAmountsInTheSameCurrency() {
        assertThat(Money.of("9.99", "EUR")).isLessThan(Money.of("10", "EUR"));
        assertThat(Money.of("10", "EUR")).isEqualByComparingTo(Money.of("10.00", "EUR"));
    }

    @Test
    void refusesToCombineOtherCurrencies() {
        Money eur = Money.of("10", "EUR");
        Money usd = Money.of("10", "USD");

        assertThatThrownBy(() -> eur.plus(usd)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("SameCurrency"));
        assertThatThrownBy(() -> eur.minus(usd)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> eur.compareTo(usd)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("EUR").hasMessageContaining("USD");
    }
}
