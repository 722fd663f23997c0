package org.crm4j.reports;

import org.crm4j.store.ActivityStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.FirstContactCountRow;
import org.crm4j.store.FirstContactSelection;
import org.crm4j.store.ForecastPeriod;
import org.crm4j.plugin.Report;
import org.crm4j.plugin.ReportContext;

/**
 * The first-contact report (R9): per salesperson and month or ISO week, the first calls and first
 * meetings they recorded in the first-contact ledger, and how many of them were followed by a
 * deal within N days, which makes acquisition work measurable.
 *
 * <pre>{@code
 * FirstContactResult q1 = crm.as("mia").report(FirstContactReport.monthly(
 *         LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), ZoneId.of("Europe/Warsaw")).dealWithin(30));
 * String csv = q1.toCsv();
 * }</pre>
 *
 * <p><b>What is counted.</b> A first call or first meeting counts in the period (in the given
 * zone) of the instant it took place. It is <em>followed by a deal</em> when the customer has a
 * deal owned by the same salesperson that was opened at or after the first contact and less than
 * N × 24 hours after it (default {@value #DEFAULT_DEAL_DAYS} days). The deal is the
 * salesperson's by its current owner: a deal opened by someone else and handed to the
 * salesperson counts, a deal the salesperson handed on does not; so a first contact is credited
 * to the salesperson who made it, never to a colleague who called the same customer. As every
 * salesperson has at most one first call and one first meeting per customer, the figures count
 * customers too: "12 first calls, 3 followed by a deal" is twelve customers called first, three
 * of whom got a deal from that salesperson in time.
 *
 * <p><b>Need-to-know (R28).</b> The database sums the ledger in one aggregate query, over the
 * salespeople the actor may see (the actor and everyone who reports to them; administrators see
 * everyone) in its {@code WHERE} clause; the deals counted are those salespeople's own, which the
 * actor may see as well.
 *
 * <p>The range is {@code [from, to)} of days in the zone; the periods are those that hold any day
 * of it, so a weekly report from a Wednesday starts with the week of its Monday (holding only the
 * contacts from that Wednesday on). Every salesperson with a first contact in the range gets a row
 * for every period, zero where they made none. A report is an immutable value: every method
 * returns a new one, and one may be run many times by many actors.
 */
public final class FirstContactReport implements Report<FirstContactResult> {
    /** The longest range a report may cover, in years. */
    public static final int MAX_YEARS = 2;
    /** The days after a first contact in which a deal counts, unless others are given. */
    public static final int DEFAULT_DEAL_DAYS = 30;
    /** The most days after a first contact in which a deal may count. */
    public static final int MAX_DEAL_DAYS = 366;

    private final ForecastPeriod period;
    private final LocalDate from;
    private final LocalDate to;
    private final ZoneId zone;
    private final int dealDays;

    private FirstContactReport(ForecastPeriod period, LocalDate from, LocalDate to, ZoneId zone, int dealDays) {
        this.period = period;
        this.from = from;
        this.to = to;
        this.zone = zone;
        this.dealDays = dealDays;
    }

    /**
     * @param from the first day included
     * @param to the first day no longer included
     * @param zone the zone whose days and months count
     * @return a report per calendar month
     * @throws ValidationException when a value is missing, {@code from} is not before {@code to},
     *     or the range is longer than {@value #MAX_YEARS} years (every violation at once)
     */
    public static FirstContactReport monthly(LocalDate from, LocalDate to, ZoneId zone) {
        return create(ForecastPeriod.MONTH, from, to, zone);
    }

    /**
     * @param from the first day included
     * @param to the first day no longer included
     * @param zone the zone whose days count
     * @return a report per ISO week (Monday to Sunday)
     * @throws ValidationException as {@link #monthly}
     */
    public static FirstContactReport weekly(LocalDate from, LocalDate to, ZoneId zone) {
        return create(ForecastPeriod.WEEK, from, to, zone);
    }

    private static FirstContactReport create(ForecastPeriod period, LocalDate from, LocalDate to, ZoneId zone) {
        List<Violation> violations = new ArrayList<>();
        if (from == null) {
            violations.add(new Violation("from", "NotNull", "cannot be null"));
        }
        if (to == null) {
            violations.add(new Violation("to", "NotNull", "cannot be null"));
        }
        if (zone == null) {
            violations.add(new Violation("zone", "NotNull", "cannot be null"));
        }
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                violations.add(new Violation("from", "BeforeTo", "must be before to (" + to + "), was " + from));
            } else if (to.isAfter(from.plusYears(MAX_YEARS))) {
                violations.add(new Violation("to", "MaxRange", "a first-contact report covers at most " + MAX_YEARS
                        + " years, up to " + from.plusYears(MAX_YEARS) + "; was " + to));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new FirstContactReport(period, from, to, zone, DEFAULT_DEAL_DAYS);
    }

    /**
     * @param days how many days after a first contact a deal of the salesperson with the customer
     *     counts as following from it, 1 to {@value #MAX_DEAL_DAYS}
     * @return this report with that window
     * @throws ValidationException when the days are out of range
     */
    public FirstContactReport dealWithin(int days) {
        if (days < 1 || days > MAX_DEAL_DAYS) {
            throw new ValidationException("dealDays", "Range", "must be 1 to " + MAX_DEAL_DAYS + ", was " + days);
        }
        return new FirstContactReport(period, from, to, zone, days);
    }

    /** @return {@code first-contacts} */
    @Override
    public String id() {
        return "first-contacts";
    }

    /** @return months or ISO weeks */
    public ForecastPeriod period() {
        return period;
    }

    /** @return the first day included */
    public LocalDate from() {
        return from;
    }

    /** @return the first day no longer included */
    public LocalDate to() {
        return to;
    }

    /** @return the zone of the days */
    public ZoneId zone() {
        return zone;
    }

    /** @return the days after a first contact in which a deal counts */
    public int dealDays() {
        return dealDays;
    }

    /** @return the first day of every period of the range, in order */
    public List<LocalDate> periods() {
        return period.starts(from, to);
    }

    /**
     * Sums the visible first contacts in one aggregate query and shapes the result.
     *
     * @param context the actor's need-to-know and the store
     * @return a row per salesperson and period, and a total per salesperson
     */
    @Override
    public FirstContactResult run(ReportContext context) {
        ValidationException.requireNonNull(context, "context");
        List<LocalDate> periods = periods();
        // the instants where the periods begin in the zone; the first is the range's start
        List<Instant> boundaries = new ArrayList<>();
        boundaries.add(from.atStartOfDay(zone).toInstant());
        for (int i = 1; i < periods.size(); i++) {
            boundaries.add(periods.get(i).atStartOfDay(zone).toInstant());
        }
        boundaries.add(to.atStartOfDay(zone).toInstant());
        List<FirstContactCountRow> sums = context.store().store(ActivityStore.class).firstContactCounts(
                new FirstContactSelection(boundaries, Duration.ofDays(dealDays)), context.visibility());
        Map<String, long[][]> bySalesperson = new TreeMap<>();
        for (FirstContactCountRow row : sums) {
            long[] cell = bySalesperson.computeIfAbsent(row.salespersonId(), s -> new long[periods.size()][4])
                    [row.period()];
            int k = row.kind() == FirstContactKind.CALL ? 0 : 1;
            cell[k] += row.contacts();
            cell[k + 2] += row.followedByDeal();
        }
        List<FirstContactRow> rows = new ArrayList<>();
        List<FirstContactRow> totals = new ArrayList<>();
        bySalesperson.forEach((salesperson, cells) -> {
            String name = context.user(salesperson).map(DirectoryUser::displayName).orElse(salesperson);
            long[] total = new long[4];
            for (int i = 0; i < periods.size(); i++) {
                long[] c = cells[i];
                rows.add(new FirstContactRow(periods.get(i), salesperson, name, c[0], c[1], c[2], c[3]));
                for (int k = 0; k < 4; k++) {
                    total[k] += c[k];
                }
            }
            totals.add(new FirstContactRow(null, salesperson, name, total[0], total[1], total[2], total[3]));
        });
        Comparator<FirstContactRow> order = Comparator.comparing(FirstContactRow::salespersonName,
                String.CASE_INSENSITIVE_ORDER).thenComparing(FirstContactRow::salespersonId);
        rows.sort(order.thenComparing(FirstContactRow::period));
        totals.sort(order);
        return new FirstContactResult(this, periods, rows, totals);
    }

    /** @return what this report computes, for logs */
    @Override
    public String toString() {
        return id() + "[" + period + " " + from + ".." + to + " " + zone + ", deals within " + dealDays + " days]";
    }
}
