package org.crm4j.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.crm4j.campaign.CostKind;

/**
 * The cost entries of a campaign summed per keyword, kind and day, as the store sums them.
 *
 * @param keyword the keyword the costs were paid for, or null for costs without one
 * @param kind planned or actual
 * @param date the day they fall on
 * @param amount their sum, in the campaign's currency, unrounded
 */
public record CampaignCostRow(String keyword, CostKind kind, LocalDate date, BigDecimal amount) {
}
