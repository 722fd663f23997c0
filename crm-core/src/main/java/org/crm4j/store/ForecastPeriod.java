package org.crm4j.store;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;

/** The length of the periods a forecast sums deals into, by their expected close date. */
public enum ForecastPeriod {
    /** Calendar months; a period starts on the first day of its month. */
    MONTH,
    /**
     * ISO 8601 weeks, Monday to Sunday; a period starts on its Monday, which may lie in the
     * previous year (2027-01-01, a Friday, is in the week starting 2026-12-28).
     */
    WEEK;

    /**
     * @param date a date
     * @return the first day of the period the date is in
     */
    public LocalDate startOf(LocalDate date) {
        ValidationException.requireNonNull(date, "date");
        return this == MONTH ? date.withDayOfMonth(1) : date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * @param start the first day of a period
     * @return the first day of the next period
     */
    public LocalDate next(LocalDate start) {
        ValidationException.requireNonNull(start, "start");
        return this == MONTH ? start.plusMonths(1) : start.plusWeeks(1);
    }

    /**
     * @param from the first day of a range
     * @param to the day after its last
     * @return the first day of every period the range touches, in order (the first may lie before
     *     {@code from})
     */
    public List<LocalDate> starts(LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = startOf(from); start.isBefore(to); start = next(start)) {
            starts.add(start);
        }
        return starts;
    }
}
