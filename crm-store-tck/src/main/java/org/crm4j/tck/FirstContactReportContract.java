package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.RoleCodes;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.reports.FirstContactReport;
import org.crm4j.reports.FirstContactResult;
import org.crm4j.reports.FirstContactRow;
import org.crm4j.plugin.DirectoryUser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first-contact report (R9) through the public API: summed by the store over the salespeople
 * the actor may see, with the same answer on every adapter.
 *
 * <p>The worked example, in Europe/Warsaw (UTC+1, UTC+2 from 29 March), deals counted within 30
 * days. The ledger (salesperson, customer, kind, when in Warsaw) and the deals:
 * <pre>
 * sam  A   call     2026-02-10 10:00   sam's deal on A opened 03-05 (23 days after): followed
 * sam  A   meeting  2026-03-04 15:00   the same deal, the next day: followed
 * sam  B   call     2026-03-01 00:30   (2026-02-28 23:30 UTC: March in Warsaw) only mia's deal on B: not followed
 * sam  C   call     2026-03-20 10:00   sam's deal on C opened 04-25, 36 days after: not followed (within 60: followed)
 * sam  C   meeting  2026-04-02 10:00   the same deal, 23 days after: followed
 * pia  P1  call     2026-03-03 10:00   pia's deal on P1 opened before the call (03-02): not followed
 * pia  P2  meeting  2026-04-30 23:30   pia's deal on P2 opened 05-10: followed
 * pia  P2  call     2026-05-01 00:30   (2026-04-30 22:30 UTC) May in Warsaw: after the range
 * mia  A   call     2026-03-10 10:00   the deal on A is sam's and before it: not followed
 * otto O1  call     2026-03-15 10:00   otto's deal on O1 opened 03-20: followed
 * </pre>
 * So, monthly from February to April, per salesperson (calls, meetings, calls followed, meetings
 * followed):
 * <pre>
 *            Feb        Mar        Apr        total
 * mia        0 0 0 0    1 0 0 0    0 0 0 0    1 0 0 0
 * otto       0 0 0 0    1 0 1 0    0 0 0 0    1 0 1 0
 * pia        0 0 0 0    1 0 0 0    0 1 0 1    1 1 0 1
 * sam        1 0 1 0    2 1 0 1    0 1 0 1    3 2 1 2
 * </pre>
 * sam is named "Spade, Sam" by the directory (which sorts him last by name, after pia).
 */
public abstract class FirstContactReportContract extends ContractBase {
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2026, 3, 1);
    private static final LocalDate APR = LocalDate.of(2026, 4, 1);
    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);
    private static final FirstContactReport MONTHLY = FirstContactReport.monthly(FEB, MAY, WARSAW);

    private Pipeline pipeline;

    @BeforeEach
    void theLedgerAndTheDeals() {
        directory.add(new DirectoryUser("sam", "Spade, Sam", Set.of(), "mia"));
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
        Customer a = companyOf(SAM, "A");
        Customer b = companyOf(SAM, "B");
        Customer c = companyOf(SAM, "C");
        Customer p1 = companyOf(PIA, "P1");
        Customer p2 = companyOf(PIA, "P2");
        Customer o1 = companyOf(OTTO, "O1");
        ContactPerson aCfo = cfo(SAM, a);
        first(SAM, a, aCfo, "2026-02-10T10:00", false);
        first(SAM, a, aCfo, "2026-03-04T15:00", true);
        first(SAM, b, cfo(SAM, b), "2026-03-01T00:30", false);
        ContactPerson cCto = customersOf(SAM).addContact(c.id(), NewContact.named("CTO of C").roles(RoleCodes.CTO));
        first(SAM, c, cCto, "2026-03-20T10:00", false);
        first(SAM, c, cCto, "2026-04-02T10:00", true);
        ContactPerson p2Cfo = cfo(PIA, p2);
        first(PIA, p1, cfo(PIA, p1), "2026-03-03T10:00", false);
        first(PIA, p2, p2Cfo, "2026-04-30T23:30", true);
        first(PIA, p2, p2Cfo, "2026-05-01T00:30", false);
        first(MIA, a, aCfo, "2026-03-10T10:00", false);
        first(OTTO, o1, cfo(OTTO, o1), "2026-03-15T10:00", false);

        // the deals, opened as the clock goes (it starts at 2026-03-02T09:00Z)
        deal(PIA, p1, "2026-03-02T10:00:00Z");
        deal(SAM, a, "2026-03-05T09:00:00Z");
        deal(MIA, b, "2026-03-06T09:00:00Z");
        deal(OTTO, o1, "2026-03-20T09:00:00Z");
        deal(SAM, c, "2026-04-25T09:00:00Z");
        deal(PIA, p2, "2026-05-10T09:00:00Z");
    }

    private ContactPerson cfo(Actor owner, Customer customer) {
        return customersOf(owner).addContact(customer.id(), NewContact.named("CFO of " + customer.name())
                .roles(RoleCodes.CFO));
    }

    private void first(Actor salesperson, Customer customer, ContactPerson contact, String warsawTime,
            boolean meeting) {
        Instant at = java.time.LocalDateTime.parse(warsawTime).atZone(WARSAW).toInstant();
        if (meeting) {
            as(salesperson).activities().recordFirstMeeting(customer.id(), contact.id(), at, null);
        } else {
            as(salesperson).activities().recordFirstCall(customer.id(), contact.id(), at, null);
        }
    }

    private void deal(Actor owner, Customer customer, String at) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(at)));
        as(owner).opportunities().open(NewOpportunity.on(customer.id(), "Deal with " + customer.name(),
                pipeline.id()).expectedClose(LocalDate.of(2026, 12, 31)));
    }

    /** calls, meetings, calls followed, meetings followed */
    private static List<Long> counts(FirstContactRow row) {
        return List.of(row.firstCalls(), row.firstMeetings(), row.callsFollowedByDeal(), row.meetingsFollowedByDeal());
    }

    @Test
    void monthly_countsFirstContactsPerSalespersonAndMonthInTheZone_andTheDealsThatFollowed() {
        FirstContactResult result = as(ADA).report(MONTHLY);

        assertThat(result.periods()).containsExactly(FEB, MAR, APR);
        assertThat(result.rows()).extracting(FirstContactRow::salespersonId, FirstContactRow::period,
                FirstContactReportContract::counts).containsExactly(
                tuple("mia", FEB, List.of(0L, 0L, 0L, 0L)),
                tuple("mia", MAR, List.of(1L, 0L, 0L, 0L)),
                tuple("mia", APR, List.of(0L, 0L, 0L, 0L)),
                tuple("otto", FEB, List.of(0L, 0L, 0L, 0L)),
                tuple("otto", MAR, List.of(1L, 0L, 1L, 0L)),
                tuple("otto", APR, List.of(0L, 0L, 0L, 0L)),
                tuple("pia", FEB, List.of(0L, 0L, 0L, 0L)),
                tuple("pia", MAR, List.of(1L, 0L, 0L, 0L)),
                tuple("pia", APR, List.of(0L, 1L, 0L, 1L)),
                tuple("sam", FEB, List.of(1L, 0L, 1L, 0L)),
                tuple("sam", MAR, List.of(2L, 1L, 0L, 1L)),
                tuple("sam", APR, List.of(0L, 1L, 0L, 1L)));
        assertThat(result.totals()).extracting(FirstContactRow::salespersonId, FirstContactRow::salespersonName,
                FirstContactReportContract::counts).containsExactly(
                tuple("mia", "mia", List.of(1L, 0L, 0L, 0L)),
                tuple("otto", "otto", List.of(1L, 0L, 1L, 0L)),
                tuple("pia", "pia", List.of(1L, 1L, 0L, 1L)),
                tuple("sam", "Spade, Sam", List.of(3L, 2L, 1L, 2L)));
        assertThat(result.totals()).allMatch(FirstContactRow::isTotal);
    }

    @Test
    void needToKnow_theSalespeopleTheActorCovers_andColleaguesFirstContactsWithTheActorsCustomers() {
        assertThat(as(MIA).report(MONTHLY).totals()).extracting(FirstContactRow::salespersonId)
                .containsExactly("mia", "pia", "sam");
        assertThat(as(CARL).report(MONTHLY).totals()).extracting(FirstContactRow::salespersonId)
                .containsExactly("mia", "pia", "sam");
        // sam owns A: mia's first call with A counts for him too
        assertThat(as(SAM).report(MONTHLY).totals()).extracting(FirstContactRow::salespersonId,
                FirstContactReportContract::counts).containsExactly(
                tuple("mia", List.of(1L, 0L, 0L, 0L)),
                tuple("sam", List.of(3L, 2L, 1L, 2L)));
        assertThat(as(SAM).report(MONTHLY).rows()).extracting(FirstContactRow::salespersonId)
                .containsOnly("mia", "sam");
        // pia, his peer, sees neither his nor mia's
        assertThat(as(PIA).report(MONTHLY).totals()).extracting(FirstContactRow::salespersonId,
                FirstContactReportContract::counts).containsExactly(tuple("pia", List.of(1L, 1L, 0L, 1L)));
        assertThat(as(OTTO).report(MONTHLY).totals()).extracting(FirstContactRow::salespersonId)
                .containsExactly("otto");
        assertThat(as(Actor.of("nobody")).report(MONTHLY).rows()).isEmpty();
        // the figures of a salesperson do not depend on who asks
        assertThat(as(MIA).report(MONTHLY).totalOf("sam")).isEqualTo(as(ADA).report(MONTHLY).totalOf("sam"));
    }

    @Test
    void theZoneDecidesThePeriod_andTheWindowWhichDealsFollowed() {
        FirstContactResult utc = as(ADA).report(FirstContactReport.monthly(FEB, MAY, ZoneOffset.UTC));
        // B's call is February in UTC; P2's call is April 30th in UTC, inside the range, and followed
        assertThat(utc.row("sam", FEB).map(FirstContactReportContract::counts)).contains(List.of(2L, 0L, 1L, 0L));
        assertThat(utc.row("sam", MAR).map(FirstContactReportContract::counts)).contains(List.of(1L, 1L, 0L, 1L));
        assertThat(utc.row("pia", APR).map(FirstContactReportContract::counts)).contains(List.of(1L, 1L, 1L, 1L));

        FirstContactResult sixtyDays = as(ADA).report(MONTHLY.dealWithin(60));
        assertThat(sixtyDays.row("sam", MAR).map(FirstContactReportContract::counts))
                .contains(List.of(2L, 1L, 1L, 1L));
        FirstContactResult oneDay = as(ADA).report(MONTHLY.dealWithin(1));
        assertThat(oneDay.totalOf("sam").map(FirstContactReportContract::counts)).contains(List.of(3L, 2L, 0L, 1L));
    }

    @Test
    void weekly_countsPerIsoWeek_fromTheMondayOfTheFirstDay() {
        FirstContactResult weeks = as(MIA).report(FirstContactReport.weekly(LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 16), WARSAW));

        assertThat(weeks.periods()).containsExactly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9));
        assertThat(weeks.rows()).extracting(FirstContactRow::salespersonId, FirstContactRow::period,
                FirstContactReportContract::counts).containsExactly(
                tuple("mia", LocalDate.of(2026, 3, 2), List.of(0L, 0L, 0L, 0L)),
                tuple("mia", LocalDate.of(2026, 3, 9), List.of(1L, 0L, 0L, 0L)),
                tuple("pia", LocalDate.of(2026, 3, 2), List.of(1L, 0L, 0L, 0L)),
                tuple("pia", LocalDate.of(2026, 3, 9), List.of(0L, 0L, 0L, 0L)),
                tuple("sam", LocalDate.of(2026, 3, 2), List.of(0L, 1L, 0L, 1L)),
                tuple("sam", LocalDate.of(2026, 3, 9), List.of(0L, 0L, 0L, 0L)));
    }

    @Test
    void csv_hasAHeader_aLinePerRow_thenTheTotals_withColleaguesOnTheActorsCustomers() {
        String csv = as(SAM).report(MONTHLY).toCsv();

        assertThat(csv).isEqualTo(String.join("\r\n",
                "period,salesperson,salesperson_name,first_calls,first_meetings,calls_followed_by_deal,"
                        + "meetings_followed_by_deal",
                "2026-02-01,mia,mia,0,0,0,0",
                "2026-03-01,mia,mia,1,0,0,0",
                "2026-04-01,mia,mia,0,0,0,0",
                "2026-02-01,sam,\"Spade, Sam\",1,0,1,0",
                "2026-03-01,sam,\"Spade, Sam\",2,1,0,1",
                "2026-04-01,sam,\"Spade, Sam\",0,1,0,1",
                "total,mia,mia,1,0,0,0",
                "total,sam,\"Spade, Sam\",3,2,1,2") + "\r\n");
        assertThat(as(PIA).report(MONTHLY).toCsv()).doesNotContain(",sam,", ",mia,");
    }

    @Test
    void report_refusesABadRange_listingEveryViolation() {
        assertThatThrownBy(() -> FirstContactReport.monthly(MAY, FEB, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("zone", "NotNull"), tuple("from", "BeforeTo")));
        assertThatThrownBy(() -> FirstContactReport.weekly(FEB, FEB.plusYears(2).plusDays(1), WARSAW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("to", "MaxRange")));
        assertThatThrownBy(() -> MONTHLY.dealWithin(0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> MONTHLY.dealWithin(FirstContactReport.MAX_DEAL_DAYS + 1))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void report_isOneStatement_whateverTheLedger() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        counter.reset();
        as(ADA).report(MONTHLY);
        long admin = counter.statements();
        counter.reset();
        as(MIA).report(FirstContactReport.weekly(FEB, MAY, WARSAW));
        long manager = counter.statements();

        assertThat(admin).isEqualTo(1);
        assertThat(manager).isEqualTo(1);
    }
}
