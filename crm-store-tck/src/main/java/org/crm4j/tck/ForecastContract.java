package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.Stage;
import org.crm4j.reports.CashFlow;
import org.crm4j.reports.CashFlowForecast;
import org.crm4j.reports.CashFlowRow;
import org.crm4j.reports.CashFlowTotal;
import org.crm4j.plugin.DirectoryUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cash-flow forecast (R21) through the public API: summed by the store, over what the actor
 * may see, with the same answer on every adapter.
 *
 * <p>The book of deals, expected to close in the second quarter of 2026 (new business in EUR,
 * services in USD):
 * <pre>
 * owner  pipeline  amount     stage (prob.)  closes      weighted
 * sam    EUR       10000.00   DEMO 30        2026-04-10  3000.00
 * sam    EUR        5000.00   PROPOSAL 50    2026-04-25  2500.00
 * pia    EUR        8000.00   QUALIFY 25*    2026-05-03  2000.00   (* overridden)
 * mia    USD        1000.00   SCOPE 40       2026-04-15   400.00
 * carl   EUR        7777.77   QUALIFY 10     2026-06-30   777.78   (777.777 rounded)
 * </pre>
 * and, never counted: sam's won deal, sam's deal without an amount, sam's deal closing on
 * 2026-07-01 (the end of the range is excluded). otto owns no deal.
 */
public abstract class ForecastContract extends ContractBase {
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final CashFlowForecast QUARTER = CashFlowForecast.monthly(APRIL, JULY);

    private Pipeline business;
    private Pipeline services;

    @BeforeEach
    void book() {
        business = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.open("DEMO", "Demo", 30))
                .stage(Stage.open("PROPOSAL", "Proposal", 50))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
        services = as(ADA).pipelines().define(NewPipeline.named("Services", "USD")
                .stage(Stage.open("SCOPE", "Scope", 40))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
    }

    private void quarterBook() {
        Customer acme = companyOf(SAM, "ACME");
        open(SAM, deal(acme, business, "Q2 licences", "10000.00").stage("DEMO").expectedClose(LocalDate.of(2026, 4, 10)));
        open(SAM, deal(acme, business, "Support", "5000.00").stage("PROPOSAL").expectedClose(LocalDate.of(2026, 4, 25)));
        open(PIA, deal(companyOf(PIA, "Globex"), business, "Fleet", "8000.00").probability(25, "budget approved")
                .expectedClose(LocalDate.of(2026, 5, 3)));
        open(MIA, deal(companyOf(MIA, "Initech"), services, "Rollout", "1000.00")
                .expectedClose(LocalDate.of(2026, 4, 15)));
        open(CARL, deal(companyOf(CARL, "Umbrella"), business, "Frame contract", "7777.77")
                .expectedClose(LocalDate.of(2026, 6, 30)));

        Opportunity won = open(SAM, deal(acme, business, "Won already", "90000.00")
                .expectedClose(LocalDate.of(2026, 4, 12)));
        as(SAM).opportunities().save(won.win("PRICE", null));
        open(SAM, NewOpportunity.on(acme.id(), "No amount yet", business.id()).expectedClose(LocalDate.of(2026, 5, 5)));
        open(SAM, deal(acme, business, "Next quarter", "40000.00").expectedClose(JULY));
    }

    private static NewOpportunity deal(Customer customer, Pipeline pipeline, String title, String amount) {
        return NewOpportunity.on(customer.id(), title, pipeline.id())
                .amount(Money.of(amount, pipeline.currency().getCurrencyCode()));
    }

    private Opportunity open(Actor owner, NewOpportunity deal) {
        return as(owner).opportunities().open(deal);
    }

    private CashFlow run(Actor actor, CashFlowForecast forecast) {
        return as(actor).report(forecast);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    private static CashFlowRow row(CashFlow flow, String group, String currency, LocalDate period) {
        List<CashFlowRow> found = flow.rows().stream().filter(r -> r.group().equals(group)
                && r.currency().equals(currency) && r.period().equals(period)).toList();
        assertThat(found).as("rows of %s in %s for %s", group, currency, period).hasSize(1);
        return found.get(0);
    }

    private static CashFlowTotal total(CashFlow flow, String currency, LocalDate period) {
        List<CashFlowTotal> found = flow.totals().stream().filter(t -> t.currency().equals(currency)
                && t.period().equals(period)).toList();
        assertThat(found).as("totals in %s for %s", currency, period).hasSize(1);
        return found.get(0);
    }

    private static Set<String> groups(CashFlow flow) {
        return flow.rows().stream().map(CashFlowRow::group).collect(java.util.stream.Collectors.toSet());
    }

    // ---- sums

    @Test
    void forecast_sumsAmountTimesProbabilityPerMonth() {
        quarterBook();

        CashFlow flow = run(ADA, QUARTER);

        assertThat(flow.periods()).containsExactly(APRIL, MAY, JUNE);
        // April: 10000.00 × 30% + 5000.00 × 50% = 5500.00 of 15000.00 in two deals
        CashFlowTotal april = total(flow, "EUR", APRIL);
        assertThat(april.deals()).isEqualTo(2);
        assertThat(april.expected()).isEqualTo(eur("15000.00"));
        assertThat(april.weighted()).isEqualTo(eur("5500.00"));
        // May: 8000.00 × 25% (overridden) = 2000.00
        assertThat(total(flow, "EUR", MAY)).isEqualTo(new CashFlowTotal(MAY, 1, eur("8000.00"), eur("2000.00")));
        // June: 7777.77 × 10% = 777.777, rounded half even to 777.78
        assertThat(total(flow, "EUR", JUNE)).isEqualTo(new CashFlowTotal(JUNE, 1, eur("7777.77"), eur("777.78")));
        assertThat(row(flow, CashFlowForecast.ALL, "EUR", APRIL).weighted()).isEqualTo(eur("5500.00"));
    }

    @Test
    void forecast_keepsCurrenciesApart() {
        quarterBook();

        CashFlow flow = run(ADA, QUARTER);

        assertThat(flow.totals()).extracting(CashFlowTotal::currency).containsOnly("EUR", "USD");
        assertThat(total(flow, "USD", APRIL)).isEqualTo(new CashFlowTotal(APRIL, 1, usd("1000.00"), usd("400.00")));
        assertThat(total(flow, "USD", MAY)).isEqualTo(new CashFlowTotal(MAY, 0, usd("0.00"), usd("0.00")));
        assertThat(total(flow, "EUR", APRIL).expected()).isEqualTo(eur("15000.00"));
    }

    @Test
    void forecast_leavesOutClosedDealsDealsWithoutAmountAndTheEndOfTheRange() {
        quarterBook();

        CashFlow flow = run(SAM, CashFlowForecast.monthly(APRIL, LocalDate.of(2026, 8, 1)).byOwner());

        assertThat(row(flow, "sam", "EUR", APRIL).deals()).isEqualTo(2);
        assertThat(row(flow, "sam", "EUR", APRIL).expected()).isEqualTo(eur("15000.00"));
        assertThat(row(flow, "sam", "EUR", MAY).deals()).isZero();
        assertThat(row(flow, "sam", "EUR", JULY).expected()).isEqualTo(eur("40000.00"));
        assertThat(run(SAM, QUARTER.byOwner()).rows()).noneMatch(r -> r.period().equals(JULY));
    }

    @Test
    void forecast_fillsEveryPeriodOfTheRangeForEveryGroup() {
        quarterBook();

        CashFlow flow = run(ADA, QUARTER.byOwner());

        assertThat(flow.rows()).hasSize(4 * 3); // four owners with deals, three months each
        assertThat(row(flow, "carl", "EUR", APRIL)).isEqualTo(new CashFlowRow(APRIL, "carl", "carl", 0,
                eur("0.00"), eur("0.00")));
        assertThat(row(flow, "carl", "EUR", JUNE).weighted()).isEqualTo(eur("777.78"));
        assertThat(run(OTTO, QUARTER).rows()).isEmpty();
        assertThat(run(OTTO, QUARTER).periods()).containsExactly(APRIL, MAY, JUNE);
    }

    // ---- need-to-know

    @Test
    void forecast_showsSellersOnlyTheirOwnDeals() {
        quarterBook();

        assertThat(groups(run(SAM, QUARTER.byOwner()))).containsExactly("sam");
        assertThat(groups(run(PIA, QUARTER.byOwner()))).containsExactly("pia");
        assertThat(total(run(SAM, QUARTER), "EUR", APRIL).expected()).isEqualTo(eur("15000.00"));
        assertThat(run(SAM, QUARTER).totals()).noneMatch(t -> t.currency().equals("USD"));
        assertThat(total(run(PIA, QUARTER), "EUR", APRIL).deals()).isZero();
    }

    @Test
    void forecast_showsManagersTheirTeamsDealsAndOthersNone() {
        quarterBook();

        assertThat(groups(run(MIA, QUARTER.byOwner()))).containsExactlyInAnyOrder("sam", "pia", "mia");
        assertThat(groups(run(CARL, QUARTER.byOwner()))).containsExactlyInAnyOrder("sam", "pia", "mia", "carl");
        assertThat(groups(run(ADA, QUARTER.byOwner()))).containsExactlyInAnyOrder("sam", "pia", "mia", "carl");
        assertThat(run(OTTO, QUARTER.byOwner()).rows()).isEmpty();
        assertThat(run(OTTO, QUARTER).totals()).isEmpty();
        assertThat(total(run(MIA, QUARTER), "EUR", JUNE).deals()).isZero(); // carl's deal is above her
    }

    @Test
    void forecast_foldsOwnersIntoTheTeamsOfTheirSuperiors() {
        quarterBook();

        CashFlow all = run(ADA, QUARTER.byTeam());

        assertThat(groups(all)).containsExactlyInAnyOrder("mia", "carl");
        // mia's team: sam and pia
        assertThat(row(all, "mia", "EUR", APRIL).weighted()).isEqualTo(eur("5500.00"));
        assertThat(row(all, "mia", "EUR", MAY).weighted()).isEqualTo(eur("2000.00"));
        // carl's team: mia (in USD) and carl himself, who has no superior
        assertThat(row(all, "carl", "USD", APRIL).weighted()).isEqualTo(usd("400.00"));
        assertThat(row(all, "carl", "EUR", JUNE).weighted()).isEqualTo(eur("777.78"));
        assertThat(row(all, "carl", "EUR", APRIL).deals()).isZero();

        CashFlow mias = run(MIA, QUARTER.byTeam());
        assertThat(groups(mias)).containsExactlyInAnyOrder("mia", "carl");
        assertThat(mias.rows()).filteredOn(r -> r.group().equals("carl")).extracting(CashFlowRow::currency)
                .containsOnly("USD"); // of carl's team she sees only her own deal
    }

    @Test
    void forecast_groupsByPipelineAndSelectsPipelines() {
        quarterBook();

        CashFlow byPipeline = run(ADA, QUARTER.byPipeline());
        String businessKey = String.valueOf(business.id().value());
        assertThat(groups(byPipeline)).containsExactlyInAnyOrder(businessKey, String.valueOf(services.id().value()));
        assertThat(row(byPipeline, businessKey, "EUR", APRIL).groupName()).isEqualTo("New business");

        CashFlow onlyServices = run(ADA, QUARTER.byOwner().pipelines(services.id()));
        assertThat(onlyServices.rows()).extracting(CashFlowRow::group).containsOnly("mia");
        assertThat(onlyServices.totals()).extracting(CashFlowTotal::currency).containsOnly("USD");
    }

    @Test
    void forecast_refusesAnUnknownPipeline() {
        assertThatThrownBy(() -> run(ADA, QUARTER.pipelines(business.id(), PipelineId.of(999_999))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("pipelines");
                        assertThat(v.rule()).isEqualTo("Exists");
                        assertThat(v.message()).contains("999999");
                    });
                });
        assertThatThrownBy(() -> as(SAM).report(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("report")).isTrue());
    }

    // ---- weeks

    @Test
    void forecast_sumsPerIsoWeekAcrossTheYearBoundary() {
        Customer acme = companyOf(SAM, "ACME");
        List<LocalDate> closes = List.of(LocalDate.of(2026, 12, 27), LocalDate.of(2026, 12, 28),
                LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 3),
                LocalDate.of(2027, 1, 4));
        for (LocalDate close : closes) {
            open(SAM, deal(acme, business, "Closes " + close, "100.00").expectedClose(close));
        }
        LocalDate week52 = LocalDate.of(2026, 12, 21);
        LocalDate week53 = LocalDate.of(2026, 12, 28);
        LocalDate week1 = LocalDate.of(2027, 1, 4);
        // the ISO calendar, as java.time has it: 2027-01-01 lies in week 53 of week-year 2026
        assertThat(LocalDate.of(2027, 1, 1).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(53);
        assertThat(LocalDate.of(2027, 1, 1).get(IsoFields.WEEK_BASED_YEAR)).isEqualTo(2026);
        assertThat(LocalDate.of(2027, 1, 4).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)).isEqualTo(1);
        assertThat(List.of(week52, week53, week1)).allMatch(d -> d.getDayOfWeek() == DayOfWeek.MONDAY);

        CashFlow weekly = run(SAM, CashFlowForecast.weekly(LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 11)));

        assertThat(weekly.periods()).containsExactly(week52, week53, week1);
        assertThat(weekly.totals()).extracting(CashFlowTotal::deals).containsExactly(1L, 4L, 1L);
        // four deals of 100.00 at 10%
        assertThat(total(weekly, "EUR", week53).weighted()).isEqualTo(eur("40.00"));

        CashFlow monthly = run(SAM, CashFlowForecast.monthly(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 2, 1)));
        assertThat(monthly.totals()).extracting(CashFlowTotal::deals).containsExactly(3L, 3L);
    }

    @Test
    void forecast_weeklyFromMidweekStartsWithThatWeeksMonday() {
        Customer acme = companyOf(SAM, "ACME");
        open(SAM, deal(acme, business, "Before", "100.00").expectedClose(LocalDate.of(2026, 4, 6)));
        open(SAM, deal(acme, business, "Inside", "200.00").expectedClose(LocalDate.of(2026, 4, 9)));

        CashFlow flow = run(SAM, CashFlowForecast.weekly(LocalDate.of(2026, 4, 8), LocalDate.of(2026, 4, 20)));

        assertThat(flow.periods()).containsExactly(LocalDate.of(2026, 4, 6), LocalDate.of(2026, 4, 13));
        assertThat(flow.totals()).extracting(CashFlowTotal::expected).containsExactly(eur("200.00"), eur("0.00"));
    }

    // ---- export

    @Test
    void forecast_exportsItsRowsAsCsv() {
        directory.add(new DirectoryUser("sam", "Smith, Sam \"the closer\"", Set.of(), "mia"));
        quarterBook();

        String csv = run(SAM, QUARTER.byOwner()).toCsv();

        assertThat(csv).isEqualTo(CashFlow.CSV_HEADER + "\r\n"
                + "2026-04-01,sam,\"Smith, Sam \"\"the closer\"\"\",EUR,2,15000.00,5500.00\r\n"
                + "2026-05-01,sam,\"Smith, Sam \"\"the closer\"\"\",EUR,0,0.00,0.00\r\n"
                + "2026-06-01,sam,\"Smith, Sam \"\"the closer\"\"\",EUR,0,0.00,0.00\r\n");
    }

    // ---- cost

    @Test
    void forecast_isOneSqlStatementWhateverTheNumberOfDeals() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        Customer acme = companyOf(SAM, "ACME");
        for (int i = 0; i < 30; i++) {
            open(SAM, deal(acme, i % 2 == 0 ? business : services, "Deal " + i, "10.00")
                    .expectedClose(APRIL.plusDays(i)));
        }
        CashFlowForecast byPipeline = QUARTER.byPipeline().pipelines(business.id(), services.id());
        run(MIA, byPipeline); // pipelines are reference data, cached after the first read
        for (CashFlowForecast forecast : List.of(byPipeline, CashFlowForecast.weekly(APRIL, JULY).byTeam(),
                QUARTER.byOwner())) {
            counter.reset();
            CashFlow flow = run(MIA, forecast);

            assertThat(flow.totals().stream().mapToLong(CashFlowTotal::deals).sum()).as("%s", forecast).isEqualTo(30);
            assertThat(counter.statements()).as("%s", forecast).isEqualTo(1);
        }
    }
}
