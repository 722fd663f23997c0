package org.crm4j.reports;

import java.time.LocalDate;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;

/**
 * One row of a {@link CashFlow}: the open deals of one group expected to close in one period, in
 * one currency.
 *
 * @param period the first day of the period (the first of a month, or the Monday of an ISO week)
 * @param group the group's key: an owner's or team lead's user id, a pipeline id, or
 *     {@value CashFlowForecast#ALL}
 * @param groupName the group's name to show: the user's or pipeline's name
 * @param deals how many deals
 * @param expected the sum of their amounts
 * @param weighted the sum of amount × probability, rounded to the currency once, after adding up
 */
public record CashFlowRow(LocalDate period, String group, String groupName, long deals, Money expected,
        Money weighted) {

    /** @throws ValidationException when a value is missing or the two amounts' currencies differ */
    public CashFlowRow {
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(group, "group");
        ValidationException.requireNonNull(groupName, "groupName");
        CashFlow.checkSums(deals, expected, weighted);
    }

    /** @return the ISO 4217 code of the amounts */
    public String currency() {
        return expected.currency().getCurrencyCode();
    }
}
