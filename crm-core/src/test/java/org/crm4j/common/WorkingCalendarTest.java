package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import org.crm4j.ValidationException;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {
    private static final WorkingCalendar WEEK = WorkingCalendar.mondayToFriday();

    private static Instant plus(WorkingCalendar calendar, String from, int days) {
        return calendar.plusWorkingDays(Instant.parse(from), days, ZoneOffset.UTC);
    }

    @Test
    void fromAWorkingDay_theSameTimeOfDay_thatManyWorkingDaysLater() {
        assertThat(plus(WEEK, "2026-03-02T09:00:00Z", 1)).isEqualTo("2026-03-03T09:00:00Z");
        assertThat(plus(WEEK, "2026-03-02T09:00:00Z", 5)).isEqualTo("2026-03-09T09:00:00Z");
        assertThat(plus(WEEK, "2026-03-06T15:00:00Z", 1)).as("Friday to Monday").isEqualTo("2026-03-09T15:00:00Z");
        assertThat(plus(WEEK, "2026-03-04T12:00:00Z", 0)).isEqualTo("2026-03-04T12:00:00Z");
    }

    @Test
    void fromADayOff_countingStartsAtTheNextWorkingDay() {
        assertThat(plus(WEEK, "2026-03-07T10:00:00Z", 1)).as("Saturday: the end of Monday")
                .isEqualTo("2026-03-10T00:00:00Z");
        assertThat(plus(WEEK, "2026-03-08T23:59:00Z", 0)).as("Sunday night: Monday's start")
                .isEqualTo("2026-03-09T00:00:00Z");
    }

    @Test
    void holidaysAndOtherWorkingWeeksAreSkipped() {
        WorkingCalendar easter = WEEK.withHolidays(LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6));
        assertThat(plus(easter, "2026-04-02T10:00:00Z", 1)).as("Maundy Thursday to Tuesday")
                .isEqualTo("2026-04-07T10:00:00Z");
        assertThat(easter.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();
        assertThat(easter.withHolidays(Set.of(LocalDate.of(2026, 4, 7))).holidays()).hasSize(3);

        WorkingCalendar sundayToThursday = new WorkingCalendar(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY,
                DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY), Set.of());
        assertThat(plus(sundayToThursday, "2026-03-05T10:00:00Z", 1)).as("Thursday to Sunday")
                .isEqualTo("2026-03-08T10:00:00Z");
    }

    @Test
    void daysAreCountedInTheGivenZone() {
        // Friday 23:30 UTC is Saturday 00:30 in Berlin: a day off there, so the count starts on Monday
        assertThat(WEEK.plusWorkingDays(Instant.parse("2026-03-06T23:30:00Z"), 1, ZoneId.of("Europe/Berlin")))
                .isEqualTo("2026-03-09T23:00:00Z");
    }

    @Test
    void refusesNegativeDays_aWeekWithoutWorkingDays_andACalendarThatNeverWorks() {
        assertThatThrownBy(() -> plus(WEEK, "2026-03-02T09:00:00Z", -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("days")).isTrue());
        assertThatThrownBy(() -> new WorkingCalendar(Set.of(), Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("workingDays"))
                        .isTrue());
        WorkingCalendar mondaysOff = new WorkingCalendar(EnumSet.of(DayOfWeek.MONDAY), Set.of());
        LocalDate[] everyMonday = new LocalDate[1500];
        for (int i = 0; i < everyMonday.length; i++) {
            everyMonday[i] = LocalDate.of(2026, 3, 2).plusWeeks(i);
        }
        WorkingCalendar never = mondaysOff.withHolidays(everyMonday);
        assertThatThrownBy(() -> plus(never, "2026-03-02T09:00:00Z", 1)).isInstanceOf(ValidationException.class);
    }
}
