package org.crm4j.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.FirstContactCountRow;
import org.crm4j.store.Visibility;
import org.junit.jupiter.api.Test;

/** How the first-contact report asks the store and shapes what it answers. */
class FirstContactReportTest {
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    @Test
    void run_asksOnceWithTheZonesPeriodBoundaries_theWindow_andTheActorsVisibility() {
        Visibility team = Visibility.ownedBy(Set.of("mia", "sam"));
        FakeReportContext context = new FakeReportContext(team);

        FirstContactReport.monthly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1), WARSAW).dealWithin(14)
                .run(context);

        assertThat(context.visibilities).containsExactly(team);
        assertThat(context.firstContactSelections).singleElement().satisfies(s -> {
            // winter time until 29 March, summer time after
            assertThat(s.boundaries()).containsExactly(Instant.parse("2026-02-28T23:00:00Z"),
                    Instant.parse("2026-03-31T22:00:00Z"), Instant.parse("2026-04-30T22:00:00Z"));
            assertThat(s.dealWindow()).isEqualTo(Duration.ofDays(14));
        });
    }

    @Test
    void weekly_fromAWednesday_startsWithItsMondaysWeek_butCountsFromTheWednesday() {
        FakeReportContext context = new FakeReportContext(Visibility.everything());
        FirstContactReport report = FirstContactReport.weekly(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 16),
                WARSAW);

        FirstContactResult result = report.run(context);

        assertThat(result.periods()).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
        assertThat(context.firstContactSelections.get(0).boundaries()).containsExactly(
                Instant.parse("2026-03-03T23:00:00Z"), Instant.parse("2026-03-08T23:00:00Z"),
                Instant.parse("2026-03-15T23:00:00Z"));
        assertThat(report.dealDays()).isEqualTo(FirstContactReport.DEFAULT_DEAL_DAYS);
    }

    @Test
    void run_fillsEveryPeriodForEverySalesperson_namesThem_andTotalsTheRange() {
        FakeReportContext context = new FakeReportContext(Visibility.everything())
                .user(new DirectoryUser("sam", "Sam Spade", Set.of(), "mia"))
                .firstContacts(new FirstContactCountRow("sam", 0, FirstContactKind.CALL, 3, 1))
                .firstContacts(new FirstContactCountRow("sam", 2, FirstContactKind.MEETING, 2, 2))
                .firstContacts(new FirstContactCountRow("sam", 2, FirstContactKind.CALL, 1, 0))
                .firstContacts(new FirstContactCountRow("ann", 1, FirstContactKind.MEETING, 1, 0));

        FirstContactResult result = FirstContactReport.monthly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1),
                WARSAW).run(context);

        assertThat(result.rows()).extracting(FirstContactRow::salespersonName, FirstContactRow::period,
                FirstContactRow::firstCalls, FirstContactRow::firstMeetings, FirstContactRow::callsFollowedByDeal,
                FirstContactRow::meetingsFollowedByDeal).containsExactly(
                tuple("ann", LocalDate.of(2026, 1, 1), 0L, 0L, 0L, 0L),
                tuple("ann", LocalDate.of(2026, 2, 1), 0L, 1L, 0L, 0L),
                tuple("ann", LocalDate.of(2026, 3, 1), 0L, 0L, 0L, 0L),
                tuple("Sam Spade", LocalDate.of(2026, 1, 1), 3L, 0L, 1L, 0L),
                tuple("Sam Spade", LocalDate.of(2026, 2, 1), 0L, 0L, 0L, 0L),
                tuple("Sam Spade", LocalDate.of(2026, 3, 1), 1L, 2L, 0L, 2L));
        assertThat(result.totalOf("sam")).hasValueSatisfying(t -> {
            assertThat(t.isTotal()).isTrue();
            assertThat(t.firstCalls()).isEqualTo(4);
            assertThat(t.firstMeetings()).isEqualTo(2);
            assertThat(t.callsFollowedByDeal()).isEqualTo(1);
            assertThat(t.meetingsFollowedByDeal()).isEqualTo(2);
        });
        assertThat(result.totalOf("nobody")).isEmpty();
    }

    @Test
    void run_withNoFirstContacts_givesNoRows() {
        FirstContactResult result = FirstContactReport.monthly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1),
                WARSAW).run(new FakeReportContext(Visibility.ownedBy(Set.of())));

        assertThat(result.rows()).isEmpty();
        assertThat(result.totals()).isEmpty();
        assertThat(result.toCsv()).isEqualTo(FirstContactResult.CSV_HEADER + "\r\n");
    }
}
