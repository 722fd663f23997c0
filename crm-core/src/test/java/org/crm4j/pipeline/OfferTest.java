package org.crm4j.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Money;
import org.junit.jupiter.api.Test;
import org.crm4j.pipeline.store.OfferRecord;

/** The rules of an offer and its lines, without a store. */
class OfferTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    private static Offer draft(String currency, OfferLine... lines) {
        return Offer.fromRecord(new OfferRecord(1, 0, 2, 3, 1, OfferStatus.DRAFT, Currency.getInstance(currency),
                List.of(lines), LocalDate.of(2026, 3, 31), null, "sam", NOW, null, null, null, NOW));
    }

    @Test
    void line_normalisesNumbersSoThatEqualLinesAreEqual() {
        OfferLine a = OfferLine.of(" A-1 ", "Bolt", n("2.500"), Money.of("1.50", "EUR"), n("19.00"));
        OfferLine b = OfferLine.of("A-1", "Bolt", n("2.5"), Money.of("1.5", "EUR"), n("19"));
        assertThat(a).isEqualTo(b);
        assertThat(a.code()).isEqualTo("A-1");
        assertThat(a.taxRate().toPlainString()).isEqualTo("19");
        assertThat(OfferLine.of("A", "B", n("100"), Money.of("1", "EUR"), n("20")).taxRate().toPlainString())
                .isEqualTo("20");
    }

    @Test
    void line_netRoundsHalfUpOnceAsInvoicesDo() {
        // 3 × 0.125 = 0.375 → 0.38; 1 × 0.125 = 0.125 → 0.13 (half to even would give 0.12)
        assertThat(OfferLine.of("A", "B", n("3"), Money.of("1", "EUR"), n("0")).discount(n("87.5"), "sample")
                .net()).isEqualTo(Money.of("0.38", "EUR"));
        assertThat(OfferLine.of("A", "B", n("1"), Money.of("1", "EUR"), n("0")).discount(n("87.5"), "sample")
                .net()).isEqualTo(Money.of("0.13", "EUR"));
        assertThat(OfferLine.of("A", "B", n("3"), Money.of("100", "JPY"), n("10")).net())
                .isEqualTo(Money.of("300", "JPY"));
    }

    @Test
    void line_withoutDiscountKeepsNoReason() {
        OfferLine line = OfferLine.of("A", "B", n("1"), Money.of("1", "EUR"), n("0")).discount(n("0"), "none");
        assertThat(line.discountReason()).isNull();
        assertThat(line.discountAmount()).isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void line_refusesEveryBadValueAtOnce() {
        assertThatThrownBy(() -> new OfferLine(null, "x".repeat(501), null, "u".repeat(21), null, n("-1"), null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("line.code", "line.description",
                                "line.quantity", "line.unit", "line.unitPrice", "line.discountPercent", "line.taxRate"));
        assertThatThrownBy(() -> OfferLine.of("A", "B", n("2000000000"), Money.of("1", "EUR"), n("0")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most");
    }

    @Test
    void totals_ofNoLinesAreZero() {
        OfferTotals totals = OfferTotals.of(List.of(), Currency.getInstance("EUR"));
        assertThat(totals.gross()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(totals.taxes()).isEmpty();
    }

    @Test
    void totals_refuseALineInAnotherCurrency() {
        assertThatThrownBy(() -> OfferTotals.of(List.of(OfferLine.of("A", "B", n("1"), Money.of("1", "USD"), n("0"))),
                Currency.getInstance("EUR"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void lifeCycle_onlyADraftChangesAndOnlyASentOfferIsDecided() {
        Offer offer = draft("EUR", OfferLine.of("A", "B", n("1"), Money.of("1", "EUR"), n("0")));
        assertThatThrownBy(offer::expire).isInstanceOf(ValidationException.class).hasMessageContaining("only a sent");
        assertThatThrownBy(() -> offer.accept(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> offer.removeLine(1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no line 1");
        offer.send();
        assertThatThrownBy(() -> offer.terms("late")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("only a draft");
        assertThatThrownBy(offer::send).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> offer.reject(null)).isInstanceOf(ValidationException.class);
        offer.reject("Too late");
        assertThat(offer.status()).isEqualTo(OfferStatus.REJECTED);
        assertThat(offer.decisionNote()).contains("Too late");
        assertThatThrownBy(() -> offer.accept(null)).isInstanceOf(ValidationException.class);
    }
}
