package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.campaign.Campaign;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.CampaignId;
import org.crm4j.campaign.CostEntry;
import org.crm4j.campaign.CostKind;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.common.Money;
import org.crm4j.lead.Conversion;
import org.crm4j.lead.Lead;
import org.crm4j.lead.NewLead;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.reports.CampaignResult;
import org.crm4j.reports.CampaignResultRow;
import org.crm4j.reports.CampaignResultRow.Scope;
import org.crm4j.reports.CampaignResults;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Campaign results (R18) through the public API: summed by the store over what the actor may see,
 * with the same answer on every adapter.
 *
 * <p>The worked example. mia runs the campaign (EUR). Its costs:
 * <pre>
 * keyword        kind     date        amount
 * crm software   planned  2026-03-01  600.00
 * crm software   actual   2026-03-01  300.00
 * erp            actual   2026-03-02  100.00
 * (none)         actual   2026-03-03   50.00   print
 * crm free       actual   2026-03-04   80.00
 * crm software   actual   2026-03-10  200.00
 * </pre>
 * Its leads (owner, keyword, what happened):
 * <pre>
 * L1 sam crm software  converted, won 250.00 EUR on 2026-03-05
 * L2 pia crm software  converted, won 400.00 EUR on 2026-03-12
 * L3 sam crm software  contacted, then disqualified
 * L4 pia crm software  new
 * L5 sam erp           converted, won 160.00 EUR on 2026-03-06
 * L6 sam erp           qualified
 * L9 sam erp           converted, won  70.00 USD on 2026-03-06 (another currency: apart)
 * L8 pia crm free      new
 * L7 pia (none)        converted, won 1000.00 EUR on 2026-03-11
 * </pre>
 */
public abstract class CampaignResultsContract extends ContractBase {
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    private Pipeline euro;
    private Pipeline dollar;
    private Campaign campaign;

    @BeforeEach
    void pipelinesAndCampaign() {
        euro = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost"))
                .wonReasons("PRICE"));
        dollar = as(ADA).pipelines().define(NewPipeline.named("Export", "USD")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost"))
                .wonReasons("PRICE"));
        campaign = as(MIA).campaigns().define(NewCampaign.named("Search ads", CampaignGoal.NEW_CUSTOMERS, "EUR")
                .period(MARCH_1, LocalDate.of(2026, 3, 31)).channel("search ads")
                .cost(new CostEntry(day(1), eur("600.00"), "ads", CostKind.PLANNED, "crm software"))
                .cost(CostEntry.actual(day(1), eur("300.00"), "ads").forKeyword("crm software"))
                .cost(CostEntry.actual(day(2), eur("100.00"), "ads").forKeyword("erp"))
                .cost(CostEntry.actual(day(3), eur("50.00"), "print"))
                .cost(CostEntry.actual(day(4), eur("80.00"), "ads").forKeyword("crm free"))
                .cost(CostEntry.actual(day(10), eur("200.00"), "ads").forKeyword("crm software")));
    }

    private static LocalDate day(int dayOfMarch) {
        return MARCH_1.withDayOfMonth(dayOfMarch);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /** Moves the clock to 10:00 UTC of a day of March 2026 (never backwards). */
    private void on(int dayOfMarch) {
        Instant target = Instant.parse("2026-03-01T10:00:00Z").plus(Duration.ofDays(dayOfMarch - 1));
        assertThat(target).isAfterOrEqualTo(clock.instant());
        clock.advance(Duration.between(clock.instant(), target));
    }

    private Lead lead(Actor owner, String company, String keyword) {
        return as(owner).leads().open(NewLead.onCustomer(companyOf(owner, company).id()).campaign(campaign.id())
                .keyword(keyword));
    }

    private Lead contacted(Actor owner, Lead lead) {
        return as(owner).leads().recordContact(lead.id(), "Called");
    }

    private Lead qualified(Actor owner, Lead lead) {
        contacted(owner, lead);
        return as(owner).leads().save(as(owner).leads().get(lead.id()).qualify());
    }

    private Opportunity converted(Actor owner, Lead lead, Pipeline pipeline, String amount) {
        qualified(owner, lead);
        Lead done = as(owner).leads().convert(lead.id(), Conversion.into(pipeline.id(), "Deal of " + lead.id())
                .amount(Money.of(amount, pipeline.currency().getCurrencyCode())).expectedClose(day(31)));
        return as(owner).opportunities().get(done.opportunityId().orElseThrow());
    }

    private void win(Actor owner, Opportunity deal) {
        as(owner).opportunities().save(as(owner).opportunities().get(deal.id()).win("PRICE", null));
    }

    /** Builds the worked example of the class comment; the clock ends on 2026-03-12. */
    private void workedExample() {
        Opportunity l1 = converted(SAM, lead(SAM, "ACME", "crm software"), euro, "250.00");
        Opportunity l2 = converted(PIA, lead(PIA, "Globex", "CRM  Software"), euro, "400.00");
        Lead l3 = contacted(SAM, lead(SAM, "Initech", "crm software"));
        as(SAM).leads().save(as(SAM).leads().get(l3.id()).disqualify("No budget"));
        lead(PIA, "Umbrella", "crm software");
        Opportunity l5 = converted(SAM, lead(SAM, "Hooli", "erp"), euro, "160.00");
        qualified(SAM, lead(SAM, "Stark", "erp"));
        Opportunity l9 = converted(SAM, lead(SAM, "Wayne", "erp"), dollar, "70.00");
        lead(PIA, "Tyrell", "crm free");
        Opportunity l7 = converted(PIA, lead(PIA, "Cyberdyne", null), euro, "1000.00");
        on(5);
        win(SAM, l1);
        on(6);
        win(SAM, l5);
        win(SAM, l9);
        on(11);
        win(PIA, l7);
        on(12);
        win(PIA, l2);
    }

    private CampaignResult run(Actor actor) {
        return as(actor).report(CampaignResults.of(campaign.id()));
    }

    private static CampaignResultRow keyword(CampaignResult result, String keyword) {
        return result.keyword(keyword).orElseThrow(() -> new AssertionError("no row for " + keyword));
    }

    private static CampaignResultRow noKeyword(CampaignResult result) {
        return result.rows().stream().filter(r -> r.scope() == Scope.NO_KEYWORD).findFirst().orElseThrow();
    }

    private static void funnel(CampaignResultRow row, long leads, long contacted, long qualified, long converted,
            long disqualified, long dealsWon, String won) {
        assertThat(List.of(row.leads(), row.contacted(), row.qualified(), row.converted(), row.disqualified(),
                row.dealsWon())).as("%s %s", row.scope(), row.keyword())
                .containsExactly(leads, contacted, qualified, converted, disqualified, dealsWon);
        assertThat(row.won()).isEqualTo(eur(won));
    }

    // ---- the worked example, for the campaign's owner

    @Test
    void results_perKeyword_funnelWonDealsCostsAndRatios() {
        workedExample();

        CampaignResult result = run(MIA);

        assertThat(result.name()).isEqualTo("Search ads");
        assertThat(result.currency()).isEqualTo("EUR");
        assertThat(result.costsVisible()).isTrue();
        assertThat(result.rows()).extracting(CampaignResultRow::scope, CampaignResultRow::keyword).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Scope.KEYWORD, "crm free"),
                org.assertj.core.groups.Tuple.tuple(Scope.KEYWORD, "crm software"),
                org.assertj.core.groups.Tuple.tuple(Scope.KEYWORD, "erp"),
                org.assertj.core.groups.Tuple.tuple(Scope.NO_KEYWORD, null));

        // crm software: L1..L4; contacted L1 L2 L3; qualified (or beyond) L1 L2; won 250 + 400
        CampaignResultRow crm = keyword(result, "crm software");
        funnel(crm, 4, 3, 2, 2, 1, 2, "650.00");
        assertThat(crm.plannedCost()).isEqualTo(eur("600.00"));
        assertThat(crm.actualCost()).isEqualTo(eur("500.00")); // 300 + 200
        assertThat(crm.costPerLead()).isEqualTo(eur("125.00")); // 500 / 4
        assertThat(crm.costPerWonDeal()).isEqualTo(eur("250.00")); // 500 / 2
        assertThat(crm.returnOnCost()).isEqualByComparingTo("0.3000"); // (650 - 500) / 500
        assertThat(crm.returnOnCost().scale()).isEqualTo(CampaignResults.RATIO_SCALE);

        // erp: L5 L6 L9, all contacted and qualified; L5 and L9 converted and won, L9 in USD apart
        CampaignResultRow erp = keyword(result, "erp");
        funnel(erp, 3, 3, 3, 2, 0, 2, "160.00");
        assertThat(erp.wonInOtherCurrencies()).containsExactly(Money.of("70.00", "USD"));
        assertThat(erp.plannedCost()).isEqualTo(eur("0.00"));
        assertThat(erp.costPerLead()).isEqualTo(eur("33.33")); // 100 / 3 = 33.333...
        assertThat(erp.costPerWonDeal()).isEqualTo(eur("50.00")); // 100 / 2 deals, whatever their currency
        assertThat(erp.returnOnCost()).isEqualByComparingTo("0.6000"); // (160 - 100) / 100, USD left out

        // crm free: one new lead, 80.00 spent, nothing won
        CampaignResultRow free = keyword(result, "crm free");
        funnel(free, 1, 0, 0, 0, 0, 0, "0.00");
        assertThat(free.costPerLead()).isEqualTo(eur("80.00"));
        assertThat(free.costPerWonDeal()).isNull();
        assertThat(free.returnOnCost()).isEqualByComparingTo("-1.0000"); // (0 - 80) / 80

        // without keyword: L7, won 1000.00 against the print cost of 50.00
        CampaignResultRow none = noKeyword(result);
        funnel(none, 1, 1, 1, 1, 0, 1, "1000.00");
        assertThat(none.actualCost()).isEqualTo(eur("50.00"));
        assertThat(none.returnOnCost()).isEqualByComparingTo("19.0000"); // (1000 - 50) / 50

        // total: 9 leads; won 250 + 400 + 160 + 1000 = 1810.00 EUR in 5 deals (with the USD one);
        // actual 300 + 100 + 50 + 80 + 200 = 730.00
        CampaignResultRow total = result.total();
        assertThat(total.scope()).isEqualTo(Scope.TOTAL);
        funnel(total, 9, 7, 6, 5, 1, 5, "1810.00");
        assertThat(total.wonInOtherCurrencies()).containsExactly(Money.of("70.00", "USD"));
        assertThat(total.plannedCost()).isEqualTo(eur("600.00"));
        assertThat(total.actualCost()).isEqualTo(eur("730.00"));
        assertThat(total.costPerLead()).isEqualTo(eur("81.11")); // 730 / 9 = 81.111...
        assertThat(total.costPerWonDeal()).isEqualTo(eur("146.00")); // 730 / 5
        assertThat(total.returnOnCost()).isEqualByComparingTo("1.4795"); // 1080 / 730 = 1.479452...
    }

    @Test
    void payback_isTheFirstDayCumulativeWonReachesCumulativeCost() {
        workedExample();

        CampaignResult result = run(MIA);

        // crm software, day by day (cumulative cost / cumulative won):
        // 03-01 300/0, 03-05 300/250, 03-10 500/250, 03-12 500/650 -> paid back on 03-12
        assertThat(keyword(result, "crm software").paybackDate()).contains(day(12));
        // erp: 03-02 100/0, 03-06 100/160 -> 03-06 (the 70.00 USD do not count)
        assertThat(keyword(result, "erp").paybackDate()).contains(day(6));
        // crm free: 80.00 spent, nothing won: not paid back (yet)
        assertThat(keyword(result, "crm free").paybackDate()).isEmpty();
        // without keyword: 03-03 50/0, 03-11 50/1000 -> 03-11
        assertThat(noKeyword(result).paybackDate()).contains(day(11));
        // the whole campaign: 03-01 300/0, 03-02 400/0, 03-03 450/0, 03-04 530/0, 03-05 530/250,
        // 03-06 530/410, 03-10 730/410, 03-11 730/1410 -> 03-11, a day before crm software
        assertThat(result.total().paybackDate()).contains(day(11));
    }

    @Test
    void csv_oneLinePerKeyword_thenTheTotal() {
        workedExample();

        String[] lines = run(MIA).toCsv().split("\r\n");

        assertThat(lines).hasSize(6);
        assertThat(lines[0]).isEqualTo(CampaignResult.CSV_HEADER);
        assertThat(lines[2]).isEqualTo("keyword,crm software,4,3,2,2,1,2,EUR,650.00,,600.00,500.00,125.00,250.00,"
                + "0.3000,2026-03-12");
        assertThat(lines[3]).isEqualTo("keyword,erp,3,3,3,2,0,2,EUR,160.00,70.00 USD,0.00,100.00,33.33,50.00,"
                + "0.6000,2026-03-06");
        assertThat(lines[1]).isEqualTo("keyword,crm free,1,0,0,0,0,0,EUR,0.00,,0.00,80.00,80.00,,-1.0000,");
        assertThat(lines[5]).isEqualTo("total,,9,7,6,5,1,5,EUR,1810.00,70.00 USD,600.00,730.00,81.11,146.00,"
                + "1.4795,2026-03-11");
    }

    // ---- need-to-know

    @Test
    void needToKnow_aSalespersonGetsHisLeadsAndDealsWithoutTheCosts() {
        workedExample();

        CampaignResult sams = run(SAM);

        assertThat(sams.costsVisible()).isFalse();
        // sam's leads: L1 L3 (crm software), L5 L6 L9 (erp); his won deals: L1, L5, L9
        assertThat(sams.rows()).extracting(CampaignResultRow::keyword).containsExactly("crm software", "erp");
        CampaignResultRow crm = keyword(sams, "crm software");
        funnel(crm, 2, 2, 1, 1, 1, 1, "250.00");
        assertThat(List.of(crm.plannedCost() == null, crm.actualCost() == null, crm.costPerLead() == null,
                crm.costPerWonDeal() == null, crm.returnOnCost() == null, crm.paybackDate().isEmpty()))
                .containsOnly(true);
        funnel(sams.total(), 5, 5, 4, 3, 1, 3, "410.00"); // 250 + 160, with the 70.00 USD apart
        assertThat(sams.toCsv().split("\r\n")[3]).isEqualTo("total,,5,5,4,3,1,3,EUR,410.00,70.00 USD,,,,,,");
    }

    @Test
    void needToKnow_theManagersSuperiorSeesWhatSheSees_anotherDepartmentNothing() {
        workedExample();

        assertThat(run(CARL).toCsv()).isEqualTo(run(MIA).toCsv());
        CampaignResult ottos = run(OTTO);
        assertThat(ottos.rows()).isEmpty();
        assertThat(ottos.costsVisible()).isFalse();
        funnel(ottos.total(), 0, 0, 0, 0, 0, 0, "0.00");
        assertThat(ottos.total().paybackDate()).isEmpty();
    }

    @Test
    void needToKnow_aDealHandedOverCountsForItsNewOwner_andStillForTheCustomersOwner() {
        workedExample();
        Lead l7 = as(PIA).leads().ofCampaign(campaign.id(), null, 50).items().stream()
                .filter(l -> l.keyword().isEmpty()).findFirst().orElseThrow();
        Opportunity deal = as(MIA).opportunities().get(l7.opportunityId().orElseThrow());
        as(MIA).opportunities().save(deal.reopen("QUALIFY", "customer asked for changes").assignOwner("sam"));
        win(SAM, as(SAM).opportunities().get(deal.id()));

        // the lead stays pia's, the deal is sam's now: sam sees the deal, not the lead on pia's customer
        CampaignResultRow samsNone = noKeyword(run(SAM));
        funnel(samsNone, 0, 0, 0, 0, 0, 1, "1000.00");
        // pia owns the customer: she still sees the deal won on it
        CampaignResultRow piasNone = noKeyword(run(PIA));
        funnel(piasNone, 1, 1, 1, 1, 0, 1, "1000.00");
        assertThat(run(OTTO).rows()).isEmpty();
    }

    // ---- statements and bad input

    @Test
    void results_areFourSqlStatementsWhateverTheNumberOfLeads() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        workedExample();
        counter.reset();
        run(MIA);
        assertThat(counter.statements()).isEqualTo(4);

        for (int i = 0; i < 25; i++) {
            Lead lead = lead(SAM, "Prospect " + i, i % 2 == 0 ? "erp" : "keyword " + i);
            if (i % 3 == 0) {
                contacted(SAM, lead);
            }
        }
        counter.reset();
        CampaignResult result = run(MIA);
        assertThat(counter.statements()).isEqualTo(4);
        assertThat(result.total().leads()).isEqualTo(34);

        counter.reset();
        run(SAM); // the costs are not asked for when they are not visible
        assertThat(counter.statements()).isEqualTo(3);
    }

    @Test
    void results_badInput_isRefused() {
        assertThatThrownBy(() -> CampaignResults.of(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("campaign")).isTrue());
        assertThatThrownBy(() -> as(MIA).report(CampaignResults.of(CampaignId.of(987_654_321L))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> run(MIA).keyword("a;b")).isInstanceOf(ValidationException.class);
        assertThat(run(MIA).total().returnOnCost()).isEqualByComparingTo(BigDecimal.ONE.negate());
    }
}
