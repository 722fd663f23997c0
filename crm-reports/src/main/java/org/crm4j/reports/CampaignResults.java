package org.crm4j.reports;

import org.crm4j.store.LeadStore;
import org.crm4j.store.CampaignStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.campaign.CampaignId;
import org.crm4j.campaign.CostKind;
import org.crm4j.common.Money;
import org.crm4j.lead.LeadStatus;
import org.crm4j.reports.CampaignResultRow.Scope;
import org.crm4j.store.CampaignCostRow;
import org.crm4j.store.CampaignHead;
import org.crm4j.store.LeadFunnelRow;
import org.crm4j.plugin.Report;
import org.crm4j.plugin.ReportContext;
import org.crm4j.store.WonRevenueRow;

/**
 * The results of a campaign (R18): its lead funnel, the deals won from its leads, its costs, and
 * what they earned per advertising keyword, with the day each keyword paid back.
 *
 * <pre>{@code
 * CampaignResult result = crm.as("mia").report(CampaignResults.of(campaign.id()));
 * Optional<LocalDate> paidBack = result.keyword("crm software").flatMap(CampaignResultRow::paybackDate);
 * String csv = result.toCsv();
 * }</pre>
 *
 * <p><b>What is counted.</b> A lead counts for the keyword it was opened with. The funnel:
 * <em>leads</em> are all leads of the campaign; <em>contacted</em> those with at least one contact
 * attempt; <em>qualified</em> those that are qualified or converted; <em>converted</em> those
 * converted into a deal; <em>disqualified</em> those disqualified. A won deal counts when it was
 * converted from a lead of the campaign and is won now, for the lead's keyword, on the day (in
 * the zone of the CRM's clock) it entered its won stage; a deal reopened and won again counts from
 * its last win. Its amount counts in {@code won} when it is in the campaign's currency; deals in
 * other currencies are summed apart, per currency, and never mixed in. Costs count for the keyword
 * they were paid for; the <em>actual cost</em> is what every cost figure is computed from, the
 * planned cost is shown beside it. Cost per lead = actual cost ÷ leads; cost per won deal =
 * actual cost ÷ deals won; return on cost = (won − actual cost) ÷ actual cost, a ratio with
 * {@value #RATIO_SCALE} places. Money is rounded to the currency's places, half to even.
 *
 * <p><b>Payback.</b> A keyword paid back on the first day on which the won amount up to and
 * including that day reached the actual cost up to and including that day, with some cost by
 * then; a later cost does not undo it. The total row's payback is the same over every cost
 * (with or without keyword) and every won deal of the campaign.
 *
 * <p><b>Need-to-know (R28).</b> Every figure is computed by the database (one aggregate query
 * each for the costs, the leads and the won deals, plus one select of the campaign's name and
 * currency: four statements whatever the number of leads), with the actor's need-to-know in the
 * {@code WHERE} clause: the leads counted are those whose owner the actor may see; the won
 * deals those whose owner the actor may see (whoever owns the lead); the costs are given only
 * when the actor may see the campaign, i.e. its owner or product manager is the actor or reports
 * to them, and are null otherwise (as are the ratios and the payback). So the sales manager who
 * runs the campaign gets everything her team did; a salesperson of her team gets his own leads
 * and deals without the costs; a user outside the team gets zeros. The payback and return are
 * computed over the won deals the actor may see.
 *
 * <p>A definition is an immutable value; one may be run many times by many actors.
 */
public final class CampaignResults implements Report<CampaignResult> {
    /** The decimal places of the return on cost. */
    public static final int RATIO_SCALE = 4;

    private final CampaignId campaign;

    private CampaignResults(CampaignId campaign) {
        this.campaign = campaign;
    }

    /**
     * @param campaign the campaign
     * @return its results
     * @throws ValidationException when the campaign is null
     */
    public static CampaignResults of(CampaignId campaign) {
        return new CampaignResults(ValidationException.requireNonNull(campaign, "campaign"));
    }

    /** @return {@code campaign-results} */
    @Override
    public String id() {
        return "campaign-results";
    }

    /** @return the campaign */
    public CampaignId campaign() {
        return campaign;
    }

    /**
     * Sums the campaign's visible costs, leads and won deals in aggregate queries and shapes the result.
     *
     * @param context the actor's need-to-know and the store
     * @return a row per keyword, one without keyword and the total
     * @throws NotFoundException when there is no such campaign
     */
    @Override
    public CampaignResult run(ReportContext context) {
        ValidationException.requireNonNull(context, "context");
        long id = campaign.value();
        CampaignHead head = context.store().store(CampaignStore.class).head(id, context.visibility())
                .orElseThrow(() -> new NotFoundException("campaign", id));
        boolean costsVisible = head.costsVisible();
        List<CampaignCostRow> costs = costsVisible
                ? context.store().store(CampaignStore.class).costsPerDay(id, context.visibility()) : List.of();
        List<LeadFunnelRow> funnel = context.store().store(LeadStore.class).funnel(id, context.visibility());
        List<WonRevenueRow> won = context.store().store(LeadStore.class).wonRevenue(id, context.visibility(),
                context.clock().getZone());
        return shape(head, costsVisible, costs, funnel, won);
    }

    /** What one row adds up, unrounded. */
    private static final class Sums {
        long leads;
        long contacted;
        long qualified;
        long converted;
        long disqualified;
        long dealsWon;
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        final TreeMap<LocalDate, BigDecimal> actualPerDay = new TreeMap<>();
        final TreeMap<LocalDate, BigDecimal> wonPerDay = new TreeMap<>();
        final TreeMap<String, BigDecimal> otherCurrencies = new TreeMap<>();

        void add(LeadFunnelRow row) {
            leads += row.leads();
            contacted += row.contacted();
            if (row.status() == LeadStatus.QUALIFIED || row.status() == LeadStatus.CONVERTED) {
                qualified += row.leads();
            }
            if (row.status() == LeadStatus.CONVERTED) {
                converted += row.leads();
            }
            if (row.status() == LeadStatus.DISQUALIFIED) {
                disqualified += row.leads();
            }
        }

        void add(CampaignCostRow row) {
            if (row.kind() == CostKind.PLANNED) {
                planned = planned.add(row.amount());
            } else {
                actual = actual.add(row.amount());
                actualPerDay.merge(row.date(), row.amount(), BigDecimal::add);
            }
        }

        void add(WonRevenueRow row, String currency) {
            dealsWon += row.deals();
            if (row.currency() == null || row.currency().equals(currency)) {
                wonPerDay.merge(row.wonOn(), row.amount(), BigDecimal::add);
            } else {
                otherCurrencies.merge(row.currency(), row.amount(), BigDecimal::add);
            }
        }

        BigDecimal won() {
            return wonPerDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private CampaignResult shape(CampaignHead head, boolean costsVisible, List<CampaignCostRow> costs,
            List<LeadFunnelRow> funnel, List<WonRevenueRow> won) {
        String currency = head.currency().getCurrencyCode();
        Map<String, Sums> byKeyword = new TreeMap<>();
        Sums none = new Sums();
        Sums total = new Sums();
        boolean anyWithoutKeyword = false;
        for (LeadFunnelRow row : funnel) {
            sums(byKeyword, none, row.keyword()).add(row);
            total.add(row);
            anyWithoutKeyword |= row.keyword() == null;
        }
        for (CampaignCostRow row : costs) {
            sums(byKeyword, none, row.keyword()).add(row);
            total.add(row);
            anyWithoutKeyword |= row.keyword() == null;
        }
        for (WonRevenueRow row : won) {
            sums(byKeyword, none, row.keyword()).add(row, currency);
            total.add(row, currency);
            anyWithoutKeyword |= row.keyword() == null;
        }
        List<CampaignResultRow> rows = new ArrayList<>();
        byKeyword.forEach((keyword, s) -> rows.add(row(Scope.KEYWORD, keyword, s, currency, costsVisible)));
        if (anyWithoutKeyword) {
            rows.add(row(Scope.NO_KEYWORD, null, none, currency, costsVisible));
        }
        return new CampaignResult(campaign, head.name(), currency, rows,
                row(Scope.TOTAL, null, total, currency, costsVisible));
    }

    private static Sums sums(Map<String, Sums> byKeyword, Sums none, String keyword) {
        return keyword == null ? none : byKeyword.computeIfAbsent(keyword, k -> new Sums());
    }

    private static CampaignResultRow row(Scope scope, String keyword, Sums s, String currency, boolean costsVisible) {
        BigDecimal won = s.won();
        List<Money> others = new ArrayList<>();
        s.otherCurrencies.forEach((c, amount) -> others.add(Money.rounded(amount, c)));
        Money planned = null;
        Money actual = null;
        Money perLead = null;
        Money perDeal = null;
        BigDecimal returnOnCost = null;
        LocalDate payback = null;
        if (costsVisible) {
            planned = Money.rounded(s.planned, currency);
            actual = Money.rounded(s.actual, currency);
            if (s.leads > 0) {
                perLead = Money.rounded(s.actual.divide(BigDecimal.valueOf(s.leads), 10, RoundingMode.HALF_EVEN),
                        currency);
            }
            if (s.dealsWon > 0) {
                perDeal = Money.rounded(s.actual.divide(BigDecimal.valueOf(s.dealsWon), 10,
                        RoundingMode.HALF_EVEN), currency);
            }
            if (s.actual.signum() > 0) {
                returnOnCost = won.subtract(s.actual).divide(s.actual, RATIO_SCALE, RoundingMode.HALF_EVEN);
            }
            payback = payback(s.actualPerDay, s.wonPerDay).orElse(null);
        }
        return new CampaignResultRow(scope, keyword, s.leads, s.contacted, s.qualified, s.converted,
                s.disqualified, s.dealsWon, Money.rounded(won, currency), others, planned, actual, perLead, perDeal,
                returnOnCost, payback);
    }

    /**
     * Folds the sums per day in date order: the first day on which the cumulative won amount is
     * at least the cumulative cost, while that cost is above zero.
     *
     * @param costPerDay the actual cost per day
     * @param wonPerDay the won amount per day
     * @return the payback day, or empty when the won amount never reached the cost
     */
    static Optional<LocalDate> payback(NavigableMap<LocalDate, BigDecimal> costPerDay,
            NavigableMap<LocalDate, BigDecimal> wonPerDay) {
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal revenue = BigDecimal.ZERO;
        TreeSet<LocalDate> days = new TreeSet<>(costPerDay.keySet());
        days.addAll(wonPerDay.keySet());
        for (LocalDate day : days) {
            cost = cost.add(costPerDay.getOrDefault(day, BigDecimal.ZERO));
            revenue = revenue.add(wonPerDay.getOrDefault(day, BigDecimal.ZERO));
            if (cost.signum() > 0 && revenue.compareTo(cost) >= 0) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** @return the campaign's results, for logs */
    @Override
    public String toString() {
        return id() + "[" + campaign + "]";
    }
}
