package org.crm4j.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Money;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.Stage;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.ForecastGrouping;
import org.crm4j.store.ForecastPeriod;
import org.crm4j.store.ForecastRow;
import org.crm4j.store.ForecastSelection;
import org.crm4j.store.Visibility;
import org.junit.jupiter.api.Test;

/** The forecast's definition, its checks and how it shapes the store's sums. */
class CashFlowForecastTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);
    private static final LocalDate APR = LocalDate.of(2026, 4, 1);
    private static final Visibility MIAS = Visibility.ownedBy(Set.of("mia", "sam", "pia"));

    private static ForecastRow sums(LocalDate period, String group, String currency, long count, String amount,
            String amountTimesProbability) {
        return new ForecastRow(period, group, currency, count, new BigDecimal(amount),
                new BigDecimal(amountTimesProbability));
    }

    private static FakeReportContext team() {
        return new FakeReportContext(MIAS)
                .user(new DirectoryUser("mia", "Mia Kern", Set.of(), "carl"))
                .user(new DirectoryUser("sam", "Sam Ortiz", Set.of(), "mia"))
                .user(new DirectoryUser("pia", "Pia Lund", Set.of(), "mia"))
                .user(new DirectoryUser("carl", "Carl Brandt", Set.of(), null));
    }

    // ---- bad input

    @Test
    void monthly_refusesMissingDatesNamingEach() {
        assertThatThrownBy(() -> CashFlowForecast.monthly(null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("from", "NotNull"), tuple("to", "NotNull")));
    }

    @Test
    void monthlyAndWeekly_refuseAFromThatIsNotBeforeTo() {
        for (LocalDate to : new LocalDate[] {JAN, JAN.minusDays(1)}) {
            assertThatThrownBy(() -> CashFlowForecast.weekly(JAN, to))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field, Violation::rule).containsExactly(tuple("from", "BeforeTo")));
        }
    }

    @Test
    void monthly_refusesARangeLongerThanFiveYears() {
        assertThat(CashFlowForecast.monthly(JAN, JAN.plusYears(CashFlowForecast.MAX_YEARS)).periods()).hasSize(60);

        assertThatThrownBy(() -> CashFlowForecast.monthly(JAN, JAN.plusYears(CashFlowForecast.MAX_YEARS).plusDays(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("to", "MaxRange")));
    }

    @Test
    void pipelines_refusesNullAndNullIds() {
        CashFlowForecast forecast = CashFlowForecast.monthly(JAN, APR);

        assertThatThrownBy(() -> forecast.pipelines((PipelineId[]) null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("pipelines")).isTrue());
        assertThatThrownBy(() -> forecast.pipelines(PipelineId.of(1), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("pipelines", "NotNull")));
        assertThatThrownBy(() -> forecast.run(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void run_refusesUnknownPipelinesNamingThemAll() {
        FakeReportContext context = team();

        assertThatThrownBy(() -> CashFlowForecast.monthly(JAN, APR).pipelines(PipelineId.of(8), PipelineId.of(9))
                .run(context)).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                            .containsExactly(tuple("pipelines", "Exists"));
                    assertThat(e.getMessage()).contains("8, 9");
                });
        assertThat(context.selections).isEmpty();
    }

    // ---- the definition

    @Test
    void forecast_isAnImmutableValue() {
        CashFlowForecast monthly = CashFlowForecast.monthly(JAN, APR);
        CashFlowForecast byTeam = monthly.byTeam().pipelines(PipelineId.of(3));

        assertThat(monthly.grouping()).isEqualTo(CashFlowForecast.Grouping.TOTAL);
        assertThat(monthly.pipelineIds()).isEmpty();
        assertThat(byTeam.grouping()).isEqualTo(CashFlowForecast.Grouping.TEAM);
        assertThat(byTeam.pipelineIds()).containsExactly(PipelineId.of(3));
        assertThat(byTeam.byOwner().grouping()).isEqualTo(CashFlowForecast.Grouping.OWNER);
        assertThat(byTeam.byPipeline().total().grouping()).isEqualTo(CashFlowForecast.Grouping.TOTAL);
        assertThat(byTeam.id()).isEqualTo("cash-flow-forecast");
    }

    @Test
    void periods_areMonthsOrIsoWeeksCoveringTheRange() {
        assertThat(CashFlowForecast.monthly(LocalDate.of(2026, 11, 15), LocalDate.of(2027, 1, 2)).periods())
                .containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1));
        // 2026-12-30 is a Wednesday; 2027-01-04 the Monday of ISO week 1 of 2027
        assertThat(CashFlowForecast.weekly(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 5)).periods())
                .containsExactly(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 4));
        assertThat(CashFlowForecast.weekly(LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 11)).periods())
                .containsExactly(LocalDate.of(2027, 1, 4));
    }

    // ---- shaping the store's sums

    @Test
    void run_asksTheStoreOnceWithTheActorsVisibilityAndTheSelection() {
        Pipeline pipeline = NewPipeline.named("New business", "EUR").stage(Stage.open("Q", "Qualify", 10))
                .stage(Stage.won("W", "Won")).stage(Stage.lost("L", "Lost")).toPipeline(Instant.EPOCH)
                .withIdentity(PipelineId.of(7), 0);
        FakeReportContext context = team().pipeline(pipeline);

        CashFlowForecast.weekly(JAN, APR).byTeam().pipelines(pipeline.id()).run(context);
        CashFlowForecast.monthly(JAN, APR).run(context);

        assertThat(context.visibilities).containsOnly(MIAS);
        assertThat(context.selections).containsExactly(
                new ForecastSelection(ForecastPeriod.WEEK, JAN, APR, Set.of(7L), ForecastGrouping.OWNER),
                new ForecastSelection(ForecastPeriod.MONTH, JAN, APR, Set.of(), ForecastGrouping.PIPELINE));
    }

    @Test
    void run_foldsOwnersIntoTheTeamOfTheirSuperiorAndRoundsOnceAfterAdding() {
        FakeReportContext context = team()
                // sam and pia: mia's team; 0.005 + 0.005 is 0.01 (rounded each: 0.00 + 0.00)
                .row(sums(JAN, "sam", "EUR", 1, "10.00", "0.5"))
                .row(sums(JAN, "pia", "EUR", 2, "20.00", "0.5"))
                // mia herself: carl's team; carl has no superior: his own team
                .row(sums(FEB, "mia", "EUR", 1, "100.00", "5000"))
                .row(sums(FEB, "carl", "EUR", 1, "300.00", "3000"));

        CashFlow flow = CashFlowForecast.monthly(JAN, MAR).byTeam().run(context);

        assertThat(flow.rows()).containsExactly(
                new CashFlowRow(JAN, "carl", "Carl Brandt", 0, Money.of("0.00", "EUR"), Money.of("0.00", "EUR")),
                new CashFlowRow(FEB, "carl", "Carl Brandt", 2, Money.of("400.00", "EUR"), Money.of("80.00", "EUR")),
                new CashFlowRow(JAN, "mia", "Mia Kern", 3, Money.of("30.00", "EUR"), Money.of("0.01", "EUR")),
                new CashFlowRow(FEB, "mia", "Mia Kern", 0, Money.of("0.00", "EUR"), Money.of("0.00", "EUR")));
        assertThat(flow.totals()).containsExactly(
                new CashFlowTotal(JAN, 3, Money.of("30.00", "EUR"), Money.of("0.01", "EUR")),
                new CashFlowTotal(FEB, 2, Money.of("400.00", "EUR"), Money.of("80.00", "EUR")));
    }

    @Test
    void run_namesOwnersUnknownToTheDirectoryByTheirIdAsTheirOwnTeam() {
        FakeReportContext context = team().row(sums(JAN, "gone", "CHF", 1, "50.00", "500"));

        CashFlow byTeam = CashFlowForecast.monthly(JAN, FEB).byTeam().run(context);
        CashFlow byOwner = CashFlowForecast.monthly(JAN, FEB).byOwner().run(context);

        assertThat(byTeam.rows()).singleElement().satisfies(r -> {
            assertThat(r.group()).isEqualTo("gone");
            assertThat(r.groupName()).isEqualTo("gone");
            assertThat(r.weighted()).isEqualTo(Money.of("5.00", "CHF"));
        });
        assertThat(byOwner.rows()).isEqualTo(byTeam.rows());
    }

    @Test
    void run_keepsCurrenciesApartAndOrdersRowsByGroupNameCurrencyAndPeriod() {
        FakeReportContext context = team()
                .row(sums(FEB, "sam", "USD", 1, "10.00", "100"))
                .row(sums(JAN, "sam", "EUR", 1, "20.00", "200"))
                .row(sums(JAN, "mia", "EUR", 1, "30.00", "300"));

        CashFlow flow = CashFlowForecast.monthly(JAN, MAR).byOwner().run(context);

        assertThat(flow.rows()).extracting(CashFlowRow::groupName, CashFlowRow::currency, CashFlowRow::period)
                .containsExactly(tuple("Mia Kern", "EUR", JAN), tuple("Mia Kern", "EUR", FEB),
                        tuple("Sam Ortiz", "EUR", JAN), tuple("Sam Ortiz", "EUR", FEB),
                        tuple("Sam Ortiz", "USD", JAN), tuple("Sam Ortiz", "USD", FEB));
        assertThat(flow.totals()).extracting(CashFlowTotal::currency, CashFlowTotal::period, CashFlowTotal::expected)
                .containsExactly(tuple("EUR", JAN, Money.of("50.00", "EUR")), tuple("EUR", FEB, Money.of("0.00", "EUR")),
                        tuple("USD", JAN, Money.of("0.00", "USD")), tuple("USD", FEB, Money.of("10.00", "USD")));
        assertThat(flow.periods()).containsExactly(JAN, FEB);
    }
}
