package org.crm4j.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;

/**
 * One line of {@link CampaignResult}: the funnel, the won deals and the costs of one keyword, of
 * the leads and costs without a keyword, or of the whole campaign. Every figure is over what the
 * actor may see (see {@link CampaignResults}); the cost figures are null when the actor may not
 * see the campaign's costs.
 *
 * @param scope a keyword, what has no keyword, or the whole campaign
 * @param keyword the keyword for {@link Scope#KEYWORD}, else null
 * @param leads the visible leads opened
 * @param contacted of them, those with at least one contact attempt (every qualified and
 *     converted lead was contacted; a lead disqualified after a contact counts too)
 * @param qualified of them, those that reached qualified: qualified or converted now (a
 *     disqualified lead never counts, whatever it was before)
 * @param converted of them, those converted into a deal
 * @param disqualified of them, those disqualified
 * @param dealsWon the visible won deals converted from the campaign's leads, in any currency
 * @param won the sum of their amounts in the campaign's currency
 * @param wonInOtherCurrencies the sums of the won deals in other currencies, one per currency,
 *     ordered by currency code; never added to {@code won} nor to the return on cost
 * @param plannedCost the sum of the planned costs, or null when the costs are not visible
 * @param actualCost the sum of the actual costs, or null when the costs are not visible
 * @param costPerLead actual cost ÷ leads, rounded to the currency; null without leads or costs
 * @param costPerWonDeal actual cost ÷ deals won, rounded to the currency; null without won deals
 *     or costs
 * @param returnOnCost (won − actual cost) ÷ actual cost as a decimal ratio with
 *     {@value CampaignResults#RATIO_SCALE} places, half to even ({@code 0.3000} is 30 %); null when
 *     the actual cost is zero or not visible
 * @param payback the first day on which the won amount up to that day reached the actual cost up
 *     to that day (with some cost by then); null when that has not happened yet, or the costs
 *     are not visible
 */
public record CampaignResultRow(Scope scope, String keyword, long leads, long contacted, long qualified,
        long converted, long disqualified, long dealsWon, Money won, List<Money> wonInOtherCurrencies,
        Money plannedCost, Money actualCost, Money costPerLead, Money costPerWonDeal, BigDecimal returnOnCost,
        LocalDate payback) {

    /** What a row covers. */
    public enum Scope {
        /** The leads, deals and costs of one keyword. */
        KEYWORD,
        /** The leads, deals and costs without a keyword. */
        NO_KEYWORD,
        /** The whole campaign: every keyword and what has none. */
        TOTAL
    }

    /** @throws ValidationException when a required value is missing, or a keyword is where none belongs */
    public CampaignResultRow {
        ValidationException.requireNonNull(scope, "scope");
        ValidationException.requireNonNull(won, "won");
        ValidationException.requireNonNull(wonInOtherCurrencies, "wonInOtherCurrencies");
        if ((scope == Scope.KEYWORD) != (keyword != null)) {
            throw new ValidationException("keyword", "Scope", "a keyword row names its keyword, the others none");
        }
        if (leads < 0 || contacted < 0 || qualified < 0 || converted < 0 || disqualified < 0 || dealsWon < 0) {
            throw new ValidationException("leads", "PositiveOrZero", "counts must not be negative");
        }
        wonInOtherCurrencies = List.copyOf(wonInOtherCurrencies);
    }

    /** @return whether the actor may see the campaign's costs, so that the cost figures are given */
    public boolean costsVisible() {
        return actualCost != null;
    }

    /** @return the payback date, if the keyword (or campaign) has paid back */
    public Optional<LocalDate> paybackDate() {
        return Optional.ofNullable(payback);
    }
}
