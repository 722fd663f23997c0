package org.crm4j.customer;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.common.Money;

/**
 * A customer's business in one look, as the card shows it: per currency, what was invoiced (net,
 * less credit notes) in the last twelve months and what is outstanding; and the last purchase.
 * Counts only the documents the reader may see.
 *
 * @param lines one per currency the customer was invoiced in, by currency code
 * @param lastPurchase the latest invoice date, or null when there is none
 */
public record SalesSummary(List<Line> lines, LocalDate lastPurchase) {

    /** The empty summary: nothing invoiced. */
    public static final SalesSummary NONE = new SalesSummary(List.of(), null);

    /** Copies the lines. */
    public SalesSummary {
        lines = List.copyOf(lines);
    }

    /** @return the latest invoice date, if any */
    public Optional<LocalDate> lastPurchaseDate() {
        return Optional.ofNullable(lastPurchase);
    }

    /**
     * One currency's figures.
     *
     * @param invoicedLast12Months net invoiced less net credited, in the twelve months up to today
     * @param outstanding what is still owed on all invoices
     */
    public record Line(Money invoicedLast12Months, Money outstanding) {
    }
}
