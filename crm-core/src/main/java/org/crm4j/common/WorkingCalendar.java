package org.crm4j.common;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.crm4j.ValidationException;

/**
 * Which days are working days: the days of the week worked (Monday to Friday unless told
 * otherwise) less the holidays. Deadlines counted in working days (e.g. "a request is answered
 * within 1 working day") are counted with it, in the zone of the CRM's clock; set it with
 * {@code Crm.Builder.workingCalendar}.
 *
 * <pre>{@code
 * WorkingCalendar.mondayToFriday().withHolidays(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26))
 * }</pre>
 *
 * @param workingDays the days of the week worked; at least one
 * @param holidays dates that are no working days although their day of the week is one
 */
public record WorkingCalendar(Set<DayOfWeek> workingDays, Set<LocalDate> holidays) {
    /** More than ten years of days: a deadline further out is a mistake, not a plan. */
    private static final int MAX_DAYS = 10_000;

    /** @throws ValidationException when no day of the week is worked, or a day or holiday is null */
    public WorkingCalendar {
        if (workingDays == null || workingDays.isEmpty() || workingDays.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("workingDays", "NotEmpty", "at least one day of the week is worked");
        }
        if (holidays == null || holidays.stream().anyMatch(Objects::isNull)) {
            throw new ValidationException("holidays", "NotNull", "cannot be or contain null");
        }
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        holidays = Set.copyOf(holidays);
    }

    /** @return Monday to Friday, without holidays: the default */
    public static WorkingCalendar mondayToFriday() {
        return new WorkingCalendar(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
    }

    /**
     * @param dates further holidays
     * @return a copy that does not work on them either
     */
    public WorkingCalendar withHolidays(LocalDate... dates) {
        ValidationException.requireNonNull(dates, "holidays");
        return withHolidays(java.util.Arrays.asList(dates));
    }

    /**
     * @param dates further holidays
     * @return a copy that does not work on them either
     */
    public WorkingCalendar withHolidays(Collection<LocalDate> dates) {
        ValidationException.requireNonNull(dates, "holidays");
        Set<LocalDate> all = new HashSet<>(holidays);
        for (LocalDate date : dates) {
            all.add(ValidationException.requireNonNull(date, "holidays"));
        }
        return new WorkingCalendar(workingDays, all);
    }

    /**
     * @param date a date
     * @return whether it is worked: a working day of the week and no holiday
     */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /**
     * Counts working days forward from an instant. From a working day the deadline is the same
     * time of day that many working days later (Friday 15:00 plus one working day is Monday 15:00);
     * from a day that is not worked the count starts at the beginning of the next working day
     * (Saturday 10:00 plus one working day is Tuesday 00:00, the end of Monday).
     *
     * @param from where to start
     * @param days how many working days, 0 or more
     * @param zone the zone the days are counted in
     * @return the instant that many working days later
     * @throws ValidationException when days is negative or the calendar has no working day
     *     within ten thousand days
     */
    public Instant plusWorkingDays(Instant from, int days, ZoneId zone) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(zone, "zone");
        if (days < 0) {
            throw new ValidationException("days", "PositiveOrZero", "must not be negative, was " + days);
        }
        LocalDateTime at = LocalDateTime.ofInstant(from, zone);
        int steps = 0;
        if (!isWorkingDay(at.toLocalDate())) {
            LocalDate day = at.toLocalDate();
            do {
                day = day.plusDays(1);
                check(++steps);
            } while (!isWorkingDay(day));
            at = day.atStartOfDay();
        }
        for (int counted = 0; counted < days; ) {
            at = at.plusDays(1);
            check(++steps);
            if (isWorkingDay(at.toLocalDate())) {
                counted++;
            }
        }
        return at.atZone(zone).toInstant();
    }

    private static void check(int steps) {
        if (steps > MAX_DAYS) {
            throw new ValidationException("workingCalendar", "WorkingDays", "no working day within " + MAX_DAYS
                    + " days");
        }
    }
}
