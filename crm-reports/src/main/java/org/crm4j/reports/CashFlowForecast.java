package org.crm4j.reports;

import org.crm4j.store.OpportunityStore;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Money;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.ForecastGrouping;
import org.crm4j.store.ForecastPeriod;
import org.crm4j.store.ForecastRow;
import org.crm4j.store.ForecastSelection;
import org.crm4j.plugin.Report;
import org.crm4j.plugin.ReportContext;

/**
 * The cash-flow forecast (R21): the inflow to expect per month or ISO week, from the open deals
 * that have an amount, each counted with its amount (the expected amount) and with its amount ×
 * probability (the weighted amount), in the period of its expected close date. Won and lost deals
 * and deals without an amount are left out; currencies are never added up.
 *
 * <pre>{@code
 * CashFlow flow = crm.as("mia").report(CashFlowForecast.monthly(
 *         LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)).byTeam());
 * String csv = flow.toCsv();
 * }</pre>
 *
 * <p>The database sums the deals in one aggregate query, over only the deals the actor may see
 * (need-to-know, R28). The rows are grouped in one of four ways:
 * <ul>
 *   <li>{@link #total()} (the default): one group, {@value #ALL};
 *   <li>{@link #byOwner()}: per deal owner, named as the user directory names them;
 *   <li>{@link #byTeam()}: per team, where an owner's team is the team of their direct superior
 *       in the user directory ("mia's team" is everyone who reports directly to mia, so mia's own
 *       deals count for her superior's team); an owner without a superior (or unknown to the
 *       directory) is a team of their own. The database sums per owner and the owners' rows are
 *       added up into teams here, so no deal is ever loaded;
 *   <li>{@link #byPipeline()}: per pipeline, named by the pipeline's name.
 * </ul>
 *
 * <p>The range is {@code [from, to)} on the expected close date; the periods are those that hold
 * any day of it, so a weekly forecast from a Wednesday starts with the week of its Monday (holding
 * only the deals from that Wednesday on). Every group and currency with at least one deal gets a
 * row for every period of the range, zero where no deal closes, so a chart of the result has no
 * gaps; a range with no deals at all gives no rows. A forecast is an immutable value: every
 * method returns a new one, and one may be run many times by many actors.
 */
public final class CashFlowForecast implements Report<CashFlow> {
    /** The longest range a forecast may cover, in years. */
    public static final int MAX_YEARS = 5;
    /** The key and name of the only group of a {@link #total()} forecast. */
    public static final String ALL = "all";

    /** What the rows of a forecast are grouped by. */
    public enum Grouping {
        /** One group for every visible deal. */
        TOTAL,
        /** Per owner of the deal. */
        OWNER,
        /** Per team of the deal's owner: their direct superior, or themselves without one. */
        TEAM,
        /** Per pipeline. */
        PIPELINE
    }

    private final ForecastPeriod period;
    private final LocalDate from;
    private final LocalDate to;
    private final Grouping grouping;
    private final Set<PipelineId> pipelines;

    private CashFlowForecast(ForecastPeriod period, LocalDate from, LocalDate to, Grouping grouping,
            Set<PipelineId> pipelines) {
        this.period = period;
        this.from = from;
        this.to = to;
        this.grouping = grouping;
        this.pipelines = pipelines;
    }

    /**
     * @param from the first expected close date included
     * @param to the first expected close date no longer included, e.g. {@code from.plusYears(1)}
     * @return a forecast per calendar month, of every visible deal in every pipeline
     * @throws ValidationException when a date is missing, {@code from} is not before {@code to}, or
     *     the range is longer than {@value #MAX_YEARS} years (every violation at once)
     */
    public static CashFlowForecast monthly(LocalDate from, LocalDate to) {
        return create(ForecastPeriod.MONTH, from, to);
    }

    /**
     * @param from the first expected close date included
     * @param to the first expected close date no longer included
     * @return a forecast per ISO week (Monday to Sunday), of every visible deal in every pipeline
     * @throws ValidationException when a date is missing, {@code from} is not before {@code to}, or
     *     the range is longer than {@value #MAX_YEARS} years (every violation at once)
     */
    public static CashFlowForecast weekly(LocalDate from, LocalDate to) {
        return create(ForecastPeriod.WEEK, from, to);
    }

    private static CashFlowForecast create(ForecastPeriod period, LocalDate from, LocalDate to) {
        List<Violation> violations = new ArrayList<>();
        if (from == null) {
            violations.add(new Violation("from", "NotNull", "cannot be null"));
        }
        if (to == null) {
            violations.add(new Violation("to", "NotNull", "cannot be null"));
        }
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                violations.add(new Violation("from", "BeforeTo", "must be before to (" + to + "), was " + from));
            } else if (to.isAfter(from.plusYears(MAX_YEARS))) {
                violations.add(new Violation("to", "MaxRange", "a forecast covers at most " + MAX_YEARS
                        + " years, up to " + from.plusYears(MAX_YEARS) + "; was " + to));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new CashFlowForecast(period, from, to, Grouping.TOTAL, Set.of());
    }

    /** @return this forecast with one group for all visible deals (the default) */
    public CashFlowForecast total() {
        return grouped(Grouping.TOTAL);
    }

    /** @return this forecast with a group per deal owner */
    public CashFlowForecast byOwner() {
        return grouped(Grouping.OWNER);
    }

    /** @return this forecast with a group per team: the owner's direct superior, or the owner without one */
    public CashFlowForecast byTeam() {
        return grouped(Grouping.TEAM);
    }

    /** @return this forecast with a group per pipeline */
    public CashFlowForecast byPipeline() {
        return grouped(Grouping.PIPELINE);
    }

    private CashFlowForecast grouped(Grouping newGrouping) {
        return new CashFlowForecast(period, from, to, newGrouping, pipelines);
    }

    /**
     * @param ids the only pipelines whose deals count; none for all
     * @return this forecast over those pipelines
     * @throws ValidationException when the ids or one of them is null
     */
    public CashFlowForecast pipelines(PipelineId... ids) {
        ValidationException.requireNonNull(ids, "pipelines");
        return pipelines(Arrays.asList(ids));
    }

    /**
     * @param ids the only pipelines whose deals count; empty for all
     * @return this forecast over those pipelines
     * @throws ValidationException when the ids or one of them is null
     */
    public CashFlowForecast pipelines(Collection<PipelineId> ids) {
        ValidationException.requireNonNull(ids, "pipelines");
        if (ids.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("pipelines", "NotNull", "cannot contain null");
        }
        return new CashFlowForecast(period, from, to, grouping, Set.copyOf(ids));
    }

    /** @return {@code cash-flow-forecast} */
    @Override
    public String id() {
        return "cash-flow-forecast";
    }

    /** @return months or ISO weeks */
    public ForecastPeriod period() {
        return period;
    }

    /** @return the first expected close date included */
    public LocalDate from() {
        return from;
    }

    /** @return the first expected close date no longer included */
    public LocalDate to() {
        return to;
    }

    /** @return what the rows are grouped by */
    public Grouping grouping() {
        return grouping;
    }

    /** @return the only pipelines whose deals count; empty for all */
    public Set<PipelineId> pipelineIds() {
        return pipelines;
    }

    /**
     * @return the first day of every period of the range, in order
     */
    public List<LocalDate> periods() {
        return period.starts(from, to);
    }

    /**
     * Sums the visible deals in one aggregate query and shapes the result.
     *
     * @param context the actor's need-to-know and the store
     * @return the forecast's rows and totals
     * @throws ValidationException when a selected pipeline does not exist
     */
    @Override
    public CashFlow run(ReportContext context) {
        ValidationException.requireNonNull(context, "context");
        Set<String> unknown = new TreeSet<>();
        for (PipelineId id : pipelines) {
            if (context.pipeline(id).isEmpty()) {
                unknown.add(String.valueOf(id.value()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("pipelines", "Exists", "there is no pipeline " + String.join(", ", unknown));
        }
        ForecastGrouping storeGrouping = grouping == Grouping.PIPELINE || grouping == Grouping.TOTAL
                ? ForecastGrouping.PIPELINE : ForecastGrouping.OWNER;
        Set<Long> ids = new LinkedHashSet<>();
        pipelines.forEach(id -> ids.add(id.value()));
        List<ForecastRow> sums = context.store().store(OpportunityStore.class).cashFlow(
                new ForecastSelection(period, from, to, ids, storeGrouping), context.visibility());
        Function<String, Group> groupOf = switch (grouping) {
            case TOTAL -> key -> new Group(ALL, ALL);
            case OWNER -> key -> new Group(key, nameOf(context, key));
            case TEAM -> key -> {
                String team = context.user(key).map(DirectoryUser::superiorId).orElse(key);
                return new Group(team, nameOf(context, team));
            };
            case PIPELINE -> key -> new Group(key, context.pipeline(PipelineId.of(Long.parseLong(key)))
                    .map(Pipeline::name).orElse(key));
        };
        return shape(sums, groupOf);
    }

    private static String nameOf(ReportContext context, String userId) {
        return context.user(userId).map(DirectoryUser::displayName).orElse(userId);
    }

    private record Group(String key, String name) {
    }

    private record Series(Group group, String currency) {
    }

    /** Sums of one period of one series, unrounded. */
    private record Sums(long count, BigDecimal amount, BigDecimal amountTimesProbability) {
        static final Sums ZERO = new Sums(0, BigDecimal.ZERO, BigDecimal.ZERO);

        Sums plus(long c, BigDecimal a, BigDecimal ap) {
            return new Sums(count + c, amount.add(a), amountTimesProbability.add(ap));
        }

        Sums plus(Sums other) {
            return plus(other.count, other.amount, other.amountTimesProbability);
        }
    }

    private static final Comparator<Series> SERIES_ORDER = Comparator
            .comparing((Series s) -> s.group().name())
            .thenComparing(s -> s.group().key())
            .thenComparing(Series::currency);

    private CashFlow shape(List<ForecastRow> sums, Function<String, Group> groupOf) {
        Map<Series, Map<LocalDate, Sums>> bySeries = new TreeMap<>(SERIES_ORDER);
        Map<String, Map<LocalDate, Sums>> byCurrency = new TreeMap<>();
        for (ForecastRow row : sums) {
            Series series = new Series(groupOf.apply(row.groupKey()), row.currency());
            bySeries.computeIfAbsent(series, s -> new TreeMap<>()).merge(row.periodStart(),
                    new Sums(row.count(), row.amount(), row.amountTimesProbability()), Sums::plus);
            byCurrency.computeIfAbsent(row.currency(), c -> new TreeMap<>()).merge(row.periodStart(),
                    new Sums(row.count(), row.amount(), row.amountTimesProbability()), Sums::plus);
        }
        List<LocalDate> periods = periods();
        List<CashFlowRow> rows = new ArrayList<>();
        bySeries.forEach((series, perPeriod) -> {
            for (LocalDate start : periods) {
                Sums s = perPeriod.getOrDefault(start, Sums.ZERO);
                rows.add(new CashFlowRow(start, series.group().key(), series.group().name(), s.count(),
                        expected(s, series.currency()), weighted(s, series.currency())));
            }
        });
        List<CashFlowTotal> totals = new ArrayList<>();
        byCurrency.forEach((currency, perPeriod) -> {
            for (LocalDate start : periods) {
                Sums s = perPeriod.getOrDefault(start, Sums.ZERO);
                totals.add(new CashFlowTotal(start, s.count(), expected(s, currency), weighted(s, currency)));
            }
        });
        return new CashFlow(this, periods, rows, totals);
    }

    private static Money expected(Sums s, String currency) {
        return Money.rounded(s.amount(), currency);
    }

    /** Amount × probability is in percent points: a hundredth of it, rounded to the currency. */
    private static Money weighted(Sums s, String currency) {
        return Money.rounded(s.amountTimesProbability().movePointLeft(2), currency);
    }

    /** @return what this forecast computes, for logs */
    @Override
    public String toString() {
        return id() + "[" + period + " " + from + ".." + to + " by " + grouping
                + (pipelines.isEmpty() ? "" : " in pipelines " + pipelines) + "]";
    }
}
