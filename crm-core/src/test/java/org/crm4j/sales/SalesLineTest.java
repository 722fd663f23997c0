package org.crm4j.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.junit.jupiter.api.Test;

/** The arithmetic and the rules of sales lines, documents, payments and services, without a store. */
class SalesLineTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void netIsQuantityTimesPriceLessTheDiscountRoundedHalfUpToTheCurrency() {
        SalesLine line = SalesLine.of("A", n("3"), n("19.99")).discount(n("12.5"), "loyal").taxRate(n("19"));
        // 59.97 less 12.5 % = 52.47375 -> 52.47; tax 19 % of 52.47 = 9.9693 -> 9.97
        assertThat(line.net(EUR)).isEqualByComparingTo("52.47");
        assertThat(line.tax(EUR)).isEqualByComparingTo("9.97");
        assertThat(line.net(JPY)).isEqualByComparingTo("52");
        assertThat(SalesLine.of("B", n("0.5"), n("0.01")).net(EUR)).isEqualByComparingTo("0.01");
    }

    @Test
    void equalLinesAreEqualWhateverTheirScaleAndBlanks() {
        assertThat(SalesLine.of("A", n("10.0000"), n("100.00")).group(" ").cost(n("5.50")))
                .isEqualTo(SalesLine.of("A", n("10"), n("100")).cost(n("5.5")));
        assertThat(SalesLine.of("A", n("1"), n("1")).discountPercent()).isEqualByComparingTo("0");
    }

    @Test
    void aCreditNoteNamesItsInvoiceAndNothingElseDoes() {
        NewSalesDocument cn = NewSalesDocument.of(DocumentKind.CREDIT_NOTE, ExternalRef.of("erp", "CN-1"), "EUR")
                .invoicedOn(LocalDate.of(2026, 3, 1)).customerRef(ExternalRef.of("erp", "C"))
                .line(SalesLine.of("A", n("1"), n("1")));
        assertThatThrownBy(cn::check).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                e.violations()).extracting(v -> v.field() + ":" + v.rule()).containsExactly("reverses:NotNull"));
        NewSalesDocument order = NewSalesDocument.order(ExternalRef.of("erp", "SO-1"), "EUR", LocalDate.of(2026, 3, 1))
                .customerRef(ExternalRef.of("erp", "C")).reverses(ExternalRef.of("erp", "INV-1"))
                .line(SalesLine.of("A", n("1"), n("1")));
        assertThatThrownBy(order::check).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                e.violations()).extracting(v -> v.field() + ":" + v.rule()).containsExactly("reverses:Null"));
    }

    @Test
    void aLineOverTheStoredDigitsIsRefusedNotRounded() {
        NewSalesDocument d = NewSalesDocument.invoice(ExternalRef.of("erp", "INV-1"), "EUR", LocalDate.of(2026, 3, 1))
                .customerRef(ExternalRef.of("erp", "C"))
                .line(SalesLine.of("A", n("1000000000000000"), n("1.00001")).taxRate(n("100.1")));
        assertThatThrownBy(d::check).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                e.violations()).extracting(v -> v.field() + ":" + v.rule()).containsExactlyInAnyOrder(
                        "lines[0].quantity:Digits", "lines[0].unitPrice:Digits", "lines[0].taxRate:Range",
                        "lines[0].amount:Digits"));
    }

    @Test
    void aPaymentIsPositive() {
        assertThatThrownBy(() -> NewPayment.of(ExternalRef.of("erp", "P"), ExternalRef.of("erp", "I"),
                Money.of("0.00", "EUR"), LocalDate.of(2026, 3, 1)).check())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.rule()).containsExactly("amount:Positive"));
    }

    @Test
    void aServicesStatusFollowsItsTermsOnTheDayAsked() {
        LocalDate end = LocalDate.of(2026, 12, 31);
        assertThat(ServiceContract.statusOn(LocalDate.of(2026, 6, 1), end, false, null)).isEqualTo(ServiceStatus.ENDING);
        assertThat(ServiceContract.statusOn(LocalDate.of(2027, 1, 1), end, false, null)).isEqualTo(ServiceStatus.ENDED);
        assertThat(ServiceContract.statusOn(LocalDate.of(2027, 1, 1), end, true, null)).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(ServiceContract.statusOn(LocalDate.of(2026, 6, 1), null, false, null)).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(ServiceContract.statusOn(LocalDate.of(2026, 6, 1), end, false, LocalDate.of(2026, 5, 1)))
                .isEqualTo(ServiceStatus.CANCELLED);
    }
}
