package org.crm4j.reports;

import java.time.LocalDate;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;

/**
 * The total of one period in one currency, over every group of a {@link CashFlow}.
 *
 * @param period the first day of the period
 * @param deals how many deals
 * @param expected the sum of their amounts
 * @param weighted the sum of amount × probability, rounded to the currency once, after adding up
 *     (so it may differ by a cent from the sum of the rounded rows)
 */
public record CashFlowTotal(LocalDate period, long deals, Money expected, Money weighted) {

    /** @throws ValidationException when a value is missing or the two amounts' currencies differ */
    public CashFlowTotal {
        ValidationException.requireNonNull(period, "period");
        CashFlow.checkSums(deals, expected, weighted);
    }

    /** @return the ISO 4217 code of the amounts */
    public String currency() {
        return expected.currency().getCurrencyCode();
    }
}
