package org.crm4j.store;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The won deals that came from a campaign's leads, summed per lead keyword, currency and day won,
 * as the store sums them.
 *
 * @param keyword the keyword of the lead the deal was converted from, or null for none
 * @param currency the ISO 4217 code of the deals' amounts, or null for deals without an amount
 * @param wonOn the day the deal entered its won stage, in the zone the store was asked for
 * @param deals how many deals
 * @param amount the sum of their amounts, unrounded (zero for deals without an amount)
 */
public record WonRevenueRow(String keyword, String currency, LocalDate wonOn, long deals, BigDecimal amount) {
}
