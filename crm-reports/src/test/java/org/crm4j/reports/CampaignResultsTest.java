package org.crm4j.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
import java.util.TreeMap;
import org.crm4j.NotFoundException;
import org.crm4j.campaign.CampaignId;
import org.crm4j.campaign.CostKind;
import org.crm4j.common.Money;
import org.crm4j.lead.LeadStatus;
import org.crm4j.store.CampaignCostRow;
import org.crm4j.store.CampaignHead;
import org.crm4j.store.LeadFunnelRow;
import org.crm4j.store.Visibility;
import org.crm4j.store.WonRevenueRow;
import org.junit.jupiter.api.Test;

class CampaignResultsTest {
    private static final CampaignHead SEARCH_ADS = new CampaignHead(7, "Search ads, spring", Currency.getInstance("EUR"),
            "mia", null, false);
    private static final CampaignResults RESULTS = CampaignResults.of(CampaignId.of(7));

    private static LocalDate march(int day) {
        return LocalDate.of(2026, 3, day);
    }

    private static TreeMap<LocalDate, BigDecimal> perDay(Object... dayAndAmount) {
        TreeMap<LocalDate, BigDecimal> map = new TreeMap<>();
        for (int i = 0; i < dayAndAmount.length; i += 2) {
            map.put(march((Integer) dayAndAmount[i]), new BigDecimal((String) dayAndAmount[i + 1]));
        }
        return map;
    }

    @Test
    void payback_theFirstDayCumulativeRevenueReachesCumulativeCost() {
        // cost 300 on 03-01, 200 on 03-10; won 250 on 03-05, 400 on 03-12:
        // 03-01 300/0, 03-05 300/250, 03-10 500/250, 03-12 500/650 -> 03-12
        assertThat(CampaignResults.payback(perDay(1, "300.00", 10, "200.00"), perDay(5, "250.00", 12, "400.00")))
                .contains(march(12));
    }

    @Test
    void payback_onTheDayRevenueEqualsCost_andNotUndoneByLaterCosts() {
        // 03-02 100/0, 03-04 100/100 -> 03-04, though 03-09 brings 500 more cost
        assertThat(CampaignResults.payback(perDay(2, "100.00", 9, "500.00"), perDay(4, "100.00")))
                .contains(march(4));
    }

    @Test
    void payback_emptyWhenRevenueNeverReachesCost_orThereIsNoCost() {
        assertThat(CampaignResults.payback(perDay(2, "100.00"), perDay(3, "99.99"))).isEmpty();
        // revenue before any cost is no payback: 03-01 0/50; then 03-02 80/50; 03-03 80/90 -> 03-03
        assertThat(CampaignResults.payback(perDay(2, "80.00"), perDay(1, "50.00", 3, "40.00"))).contains(march(3));
        assertThat(CampaignResults.payback(perDay(), perDay(3, "10.00"))).isEmpty();
    }

    @Test
    void run_asksEveryAggregateWithTheActorsVisibility_andShapesTheRows() {
        Visibility mine = Visibility.ownedBy(Set.of("mia", "sam"));
        FakeReportContext context = new FakeReportContext(mine).campaign(SEARCH_ADS)
                .cost(new CampaignCostRow("crm, \"pro\"", CostKind.ACTUAL, march(1), new BigDecimal("100.0000")))
                .cost(new CampaignCostRow(null, CostKind.PLANNED, march(1), new BigDecimal("10.0000")))
                .leads(new LeadFunnelRow("crm, \"pro\"", LeadStatus.CONVERTED, 2, 2))
                .leads(new LeadFunnelRow("crm, \"pro\"", LeadStatus.NEW, 1, 0))
                .won(new WonRevenueRow("crm, \"pro\"", "EUR", march(3), 1, new BigDecimal("60.0000")))
                .won(new WonRevenueRow("crm, \"pro\"", null, march(4), 1, BigDecimal.ZERO))
                .won(new WonRevenueRow("crm, \"pro\"", "CHF", march(4), 1, new BigDecimal("5.0000")));

        CampaignResult result = RESULTS.run(context);

        assertThat(context.campaignCalls).containsExactly("head", "costsPerDay", "funnel", "wonRevenue");
        assertThat(context.visibilities).containsOnly(mine);
        CampaignResultRow row = result.rows().get(0);
        // 3 leads, 2 converted; 3 won deals, one without amount, one in CHF apart: 60.00 EUR
        assertThat(row.won()).isEqualTo(Money.of("60.00", "EUR"));
        assertThat(row.dealsWon()).isEqualTo(3);
        assertThat(row.costPerLead()).isEqualTo(Money.of("33.33", "EUR")); // 100 / 3
        assertThat(row.costPerWonDeal()).isEqualTo(Money.of("33.33", "EUR")); // 100 / 3 deals
        assertThat(row.returnOnCost()).isEqualByComparingTo("-0.4000"); // (60 - 100) / 100
        assertThat(row.paybackDate()).isEmpty();
        // the planned cost without keyword makes a row of its own, with no actual cost and no ratio
        CampaignResultRow none = result.rows().get(1);
        assertThat(none.plannedCost()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(none.returnOnCost()).isNull();
        assertThat(none.costPerLead()).isNull();
    }

    @Test
    void run_withoutSightOfTheCampaign_neverAsksForItsCosts() {
        FakeReportContext context = new FakeReportContext(Visibility.ownedBy(Set.of("sam"))).campaign(SEARCH_ADS)
                .cost(new CampaignCostRow("erp", CostKind.ACTUAL, march(1), new BigDecimal("100.0000")));

        CampaignResult result = RESULTS.run(context);

        assertThat(context.campaignCalls).containsExactly("head", "funnel", "wonRevenue");
        assertThat(result.costsVisible()).isFalse();
        assertThat(result.rows()).isEmpty();
    }

    @Test
    void run_ofAProductManagersCampaign_showsTheCostsToHerLine() {
        CampaignHead withManager = new CampaignHead(7, "Search ads", Currency.getInstance("EUR"), "carl", "pm", false);
        FakeReportContext context = new FakeReportContext(Visibility.ownedBy(Set.of("pm"))).campaign(withManager);

        assertThat(RESULTS.run(context).costsVisible()).isTrue();
    }

    @Test
    void run_ofAnUnknownCampaign_isRefused() {
        FakeReportContext context = new FakeReportContext(Visibility.everything());

        assertThatThrownBy(() -> RESULTS.run(context)).isInstanceOf(NotFoundException.class);
    }
}
