package org.crm4j.reports;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;

/**
 * The result of a {@link CashFlowForecast}: a row per group, currency and period, and the totals
 * per period and currency. Exported as CSV with {@link #toCsv()} or {@link #writeCsv(Appendable)}.
 */
public final class CashFlow {
    /** The header line of the CSV export, without its line break. */
    public static final String CSV_HEADER = "period,group,group_name,currency,deals,expected,weighted";

    private final CashFlowForecast forecast;
    private final List<LocalDate> periods;
    private final List<CashFlowRow> rows;
    private final List<CashFlowTotal> totals;

    CashFlow(CashFlowForecast forecast, List<LocalDate> periods, List<CashFlowRow> rows, List<CashFlowTotal> totals) {
        this.forecast = forecast;
        this.periods = List.copyOf(periods);
        this.rows = List.copyOf(rows);
        this.totals = List.copyOf(totals);
    }

    /** @return the forecast this is the result of */
    public CashFlowForecast forecast() {
        return forecast;
    }

    /** @return the first day of every period of the range, in order */
    public List<LocalDate> periods() {
        return periods;
    }

    /**
     * @return for every group and currency with a deal, one row per period (zero where no deal
     *     closes); ordered by group name, group key, currency, then period
     */
    public List<CashFlowRow> rows() {
        return rows;
    }

    /**
     * @return for every currency with a deal, one total per period; ordered by currency, then
     *     period
     */
    public List<CashFlowTotal> totals() {
        return totals;
    }

    /**
     * @return the rows as CSV ({@link #writeCsv(Appendable)})
     */
    public String toCsv() {
        return Csv.text(this::writeCsv);
    }

    /**
     * Writes the rows as CSV after RFC 4180: the header line {@value #CSV_HEADER}, then one line
     * per row, each ended by CRLF; a field with a comma, a double quote or a line break is
     * enclosed in double quotes, with its double quotes doubled. Dates are ISO 8601
     * ({@code 2026-12-28}); amounts are plain decimals at the currency's places ({@code 1234.50},
     * never {@code 1.2345E+3}), without grouping separators, whatever the locale.
     *
     * @param out where to write, e.g. a {@link java.io.Writer}
     * @throws IOException when {@code out} fails
     * @throws ValidationException when {@code out} is null
     */
    public void writeCsv(Appendable out) throws IOException {
        ValidationException.requireNonNull(out, "out");
        Csv csv = new Csv(out);
        csv.line(CSV_HEADER.split(","));
        for (CashFlowRow row : rows) {
            csv.line(row.period().toString(), row.group(), row.groupName(), row.currency(), Long.toString(row.deals()),
                    row.expected().amount().toPlainString(), row.weighted().amount().toPlainString());
        }
    }

    /** @return a short description, for logs */
    @Override
    public String toString() {
        return forecast + ": " + rows.size() + " rows";
    }

    /** The rules a row and a total of the forecast share. */
    static void checkSums(long deals, Money expected, Money weighted) {
        ValidationException.requireNonNull(expected, "expected");
        ValidationException.requireNonNull(weighted, "weighted");
        if (!expected.currency().equals(weighted.currency())) {
            throw new ValidationException("weighted", "Currency", "must be in " + expected.currency());
        }
        if (deals < 0) {
            throw new ValidationException("deals", "PositiveOrZero", "must not be negative");
        }
    }
}
