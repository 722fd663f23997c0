package org.crm4j.reports;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.ValidationException;

/**
 * The result of a {@link FirstContactReport}: per salesperson one row per period and one total
 * over the range. Exported as CSV with {@link #toCsv()} or {@link #writeCsv(Appendable)}.
 */
public final class FirstContactResult {
    /** The header line of the CSV export, without its line break. */
    public static final String CSV_HEADER = "period,salesperson,salesperson_name,first_calls,first_meetings,"
            + "calls_followed_by_deal,meetings_followed_by_deal";

    private final FirstContactReport report;
    private final List<LocalDate> periods;
    private final List<FirstContactRow> rows;
    private final List<FirstContactRow> totals;

    FirstContactResult(FirstContactReport report, List<LocalDate> periods, List<FirstContactRow> rows,
            List<FirstContactRow> totals) {
        this.report = report;
        this.periods = List.copyOf(periods);
        this.rows = List.copyOf(rows);
        this.totals = List.copyOf(totals);
    }

    /** @return the report this is the result of */
    public FirstContactReport report() {
        return report;
    }

    /** @return the first day of every period of the range, in order */
    public List<LocalDate> periods() {
        return periods;
    }

    /**
     * @return for every visible salesperson with a first contact in the range, one row per period
     *     (zero where they made none); ordered by name (ignoring case), id, then period
     */
    public List<FirstContactRow> rows() {
        return rows;
    }

    /** @return per salesperson, the sums over the whole range; ordered by name (ignoring case), then id */
    public List<FirstContactRow> totals() {
        return totals;
    }

    /**
     * @param salespersonId a salesperson
     * @return their total over the range, if they made a first contact the actor may see
     */
    public Optional<FirstContactRow> totalOf(String salespersonId) {
        return totals.stream().filter(t -> t.salespersonId().equals(salespersonId)).findFirst();
    }

    /**
     * @param salespersonId a salesperson
     * @param period the first day of a period
     * @return their row of that period, if they have rows
     */
    public Optional<FirstContactRow> row(String salespersonId, LocalDate period) {
        return rows.stream().filter(r -> r.salespersonId().equals(salespersonId) && r.period().equals(period))
                .findFirst();
    }

    /** @return the rows, then the totals, as CSV ({@link #writeCsv(Appendable)}) */
    public String toCsv() {
        return Csv.text(this::writeCsv);
    }

    /**
     * Writes the rows, then the totals, as CSV after RFC 4180: the header line
     * {@value #CSV_HEADER}, then one line per row, each ended by CRLF, quoted where a field holds a
     * comma, a double quote or a line break. The period is the ISO 8601 date of its first day, and
     * {@code total} in a total over the range.
     *
     * @param out where to write, e.g. a {@link java.io.Writer}
     * @throws IOException when {@code out} fails
     * @throws ValidationException when {@code out} is null
     */
    public void writeCsv(Appendable out) throws IOException {
        ValidationException.requireNonNull(out, "out");
        Csv csv = new Csv(out);
        csv.line(CSV_HEADER.split(","));
        for (FirstContactRow row : rows) {
            line(csv, row.period().toString(), row);
        }
        for (FirstContactRow row : totals) {
            line(csv, "total", row);
        }
    }

    private static void line(Csv csv, String period, FirstContactRow r) throws IOException {
        csv.line(period, r.salespersonId(), r.salespersonName(), Long.toString(r.firstCalls()),
                Long.toString(r.firstMeetings()), Long.toString(r.callsFollowedByDeal()),
                Long.toString(r.meetingsFollowedByDeal()));
    }

    /** @return a short description, for logs */
    @Override
    public String toString() {
        return report + ": " + totals.size() + " salespeople";
    }
}
