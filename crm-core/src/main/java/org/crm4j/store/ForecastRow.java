package org.crm4j.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of a cash-flow forecast as the store sums it: the open deals with an amount that are
 * expected to close in one period, of one group, in one currency.
 *
 * @param periodStart the first day of the period ({@link ForecastPeriod#startOf})
 * @param groupKey the owner's user id, or the pipeline id in decimal ({@link ForecastGrouping})
 * @param currency the ISO 4217 code of the amounts
 * @param count how many deals
 * @param amount the sum of their amounts
 * @param amountTimesProbability the sum of amount × probability (in percent points, so 100 times
 *     the weighted amount), unrounded
 */
public record ForecastRow(LocalDate periodStart, String groupKey, String currency, long count, BigDecimal amount,
        BigDecimal amountTimesProbability) {
}
