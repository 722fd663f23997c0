package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.activity.Activities;
import org.crm4j.activity.Activity;
import org.crm4j.activity.CallDirection;
import org.crm4j.activity.NewActivity;
import org.crm4j.activity.ScheduleCount;
import org.crm4j.activity.ScheduleQuery;
import org.crm4j.common.Page;
import org.crm4j.customer.Customer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schedule (R14): planned and done activities in a period, of a user, a team or everyone the
 * actor may see, earliest first, keyset-paged, with need-to-know in the query and the per-user
 * counts; the same answers on every store.
 *
 * <p>The week of 2026-03-02 (UTC), by owner:
 * <pre>
 * carl  call      2026-03-01 23:59  done     (before the week)
 * mia   meeting   2026-03-06 10:00  planned
 * sam   meeting   2026-03-02 14:00  done
 * sam   call      2026-03-03 10:00  planned
 * sam   note      2026-03-09 00:00  done     (the first instant after the week)
 * pia   e-mail    2026-03-04 09:00  done
 * pia   task      2026-03-05 16:00  planned
 * otto  call      2026-03-03 11:00  done     (another department)
 * </pre>
 */
public abstract class ScheduleContract extends ContractBase {
    private static final Instant WEEK = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant NEXT_WEEK = Instant.parse("2026-03-09T00:00:00Z");

    private Customer acme;
    private Activity carlsCall;
    private Activity miasMeeting;
    private Activity samsMeeting;
    private Activity samsCall;
    private Activity piasEmail;
    private Activity piasTask;
    private Activity ottosCall;

    @BeforeEach
    void theWeek() {
        acme = companyOf(SAM, "ACME");
        Customer pias = companyOf(PIA, "Pia's");
        Customer mias = companyOf(MIA, "Mia's");
        Customer carls = companyOf(CARL, "Carl's");
        Customer ottos = companyOf(OTTO, "Otto's");
        carlsCall = log(CARL, NewActivity.call(carls.id(), CallDirection.OUTBOUND), "2026-03-01T23:59:00Z", false);
        miasMeeting = log(MIA, NewActivity.meeting(mias.id()), "2026-03-06T10:00:00Z", true);
        samsMeeting = log(SAM, NewActivity.meeting(acme.id()), "2026-03-02T14:00:00Z", false);
        samsCall = log(SAM, NewActivity.call(acme.id(), CallDirection.OUTBOUND), "2026-03-03T10:00:00Z", true);
        log(SAM, NewActivity.note(acme.id()), "2026-03-09T00:00:00Z", false);
        piasEmail = log(PIA, NewActivity.email(pias.id()), "2026-03-04T09:00:00Z", false);
        piasTask = log(PIA, NewActivity.task(pias.id()), "2026-03-05T16:00:00Z", true);
        ottosCall = log(OTTO, NewActivity.call(ottos.id(), CallDirection.INBOUND), "2026-03-03T11:00:00Z", false);
    }

    private Activity log(Actor actor, NewActivity activity, String start, boolean planned) {
        NewActivity at = activity.at(Instant.parse(start), Duration.ofMinutes(30));
        return activities(actor).log(planned ? at.planned() : at);
    }

    private Activities activities(Actor actor) {
        return as(actor).activities();
    }

    private static List<Long> ids(Page<Activity> page) {
        return page.items().stream().map(a -> a.id().value()).toList();
    }

    private static List<Long> ids(Activity... activities) {
        return List.of(activities).stream().map(a -> a.id().value()).toList();
    }

    @Test
    void schedule_ofAUser_holdsTheirActivitiesStartingInThePeriod_earliestFirst() {
        Page<Activity> sams = activities(SAM).schedule(ScheduleQuery.user("sam", WEEK, NEXT_WEEK));

        assertThat(ids(sams)).isEqualTo(ids(samsMeeting, samsCall));
        assertThat(sams.nextPageToken()).isNull();
        assertThat(ids(activities(SAM).schedule(ScheduleQuery.user("sam", WEEK, NEXT_WEEK).planned())))
                .isEqualTo(ids(samsCall));
        assertThat(ids(activities(SAM).schedule(ScheduleQuery.user("sam", WEEK, NEXT_WEEK).done())))
                .isEqualTo(ids(samsMeeting));
        // a manager sees her salesperson's schedule; the administrator everyone's
        assertThat(ids(activities(MIA).schedule(ScheduleQuery.user("sam", WEEK, NEXT_WEEK))))
                .isEqualTo(ids(samsMeeting, samsCall));
        assertThat(ids(activities(ADA).schedule(ScheduleQuery.user("otto", WEEK, NEXT_WEEK))))
                .isEqualTo(ids(ottosCall));
    }

    @Test
    void schedule_ofATeam_holdsTheManagerAndEveryoneReportingToThem() {
        List<Long> miasTeam = ids(samsMeeting, samsCall, piasEmail, piasTask, miasMeeting);

        assertThat(ids(activities(MIA).schedule(ScheduleQuery.team("mia", WEEK, NEXT_WEEK)))).isEqualTo(miasTeam);
        assertThat(ids(activities(CARL).schedule(ScheduleQuery.team("mia", WEEK, NEXT_WEEK)))).isEqualTo(miasTeam);
        assertThat(ids(activities(ADA).schedule(ScheduleQuery.team("mia", WEEK, NEXT_WEEK)))).isEqualTo(miasTeam);
        // carl's team reaches sam and pia through mia; carl's own call is the week before
        assertThat(ids(activities(CARL).schedule(ScheduleQuery.team("carl", WEEK, NEXT_WEEK))))
                .isEqualTo(miasTeam);
        assertThat(ids(activities(CARL).schedule(ScheduleQuery.team("carl", WEEK.minusSeconds(60), NEXT_WEEK))))
                .startsWith(carlsCall.id().value()).hasSize(6);
    }

    @Test
    void schedule_ofEveryoneVisible_isWhatTheActorMaySee() {
        assertThat(ids(activities(SAM).schedule(ScheduleQuery.visible(WEEK, NEXT_WEEK))))
                .isEqualTo(ids(samsMeeting, samsCall));
        assertThat(ids(activities(PIA).schedule(ScheduleQuery.visible(WEEK, NEXT_WEEK))))
                .isEqualTo(ids(piasEmail, piasTask));
        assertThat(ids(activities(MIA).schedule(ScheduleQuery.visible(WEEK, NEXT_WEEK))))
                .isEqualTo(ids(samsMeeting, samsCall, piasEmail, piasTask, miasMeeting));
        assertThat(ids(activities(OTTO).schedule(ScheduleQuery.visible(WEEK, NEXT_WEEK))))
                .isEqualTo(ids(ottosCall));
        assertThat(ids(activities(ADA).schedule(ScheduleQuery.visible(WEEK, NEXT_WEEK))))
                .isEqualTo(ids(samsMeeting, samsCall, ottosCall, piasEmail, piasTask, miasMeeting));
        assertThat(activities(ADA).schedule(ScheduleQuery.visible(WEEK, NEXT_WEEK)).items())
                .extracting(Activity::ownerId).doesNotContain("carl");
    }

    @Test
    void schedule_ofSomeoneTheActorMayNotSee_isRefused() {
        assertThatThrownBy(() -> activities(SAM).schedule(ScheduleQuery.user("pia", WEEK, NEXT_WEEK)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activities(SAM).schedule(ScheduleQuery.team("mia", WEEK, NEXT_WEEK)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activities(MIA).schedule(ScheduleQuery.user("otto", WEEK, NEXT_WEEK)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activities(MIA).scheduleCounts(ScheduleQuery.team("carl", WEEK, NEXT_WEEK)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> activities(ADA).schedule(ScheduleQuery.user("nobody", WEEK, NEXT_WEEK)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("userId", "KnownUser")));
    }

    @Test
    void schedule_refusesABadPeriod_listingEveryViolation() {
        assertThatThrownBy(() -> ScheduleQuery.user("sam", NEXT_WEEK, WEEK))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("to", "AfterFrom")));
        assertThatThrownBy(() -> ScheduleQuery.team("mia", WEEK, WEEK))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("to", "AfterFrom")));
        assertThatThrownBy(() -> ScheduleQuery.visible(WEEK, WEEK.plus(ScheduleQuery.MAX_SPAN).plusSeconds(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("to", "MaxSpan")));
        assertThatThrownBy(() -> ScheduleQuery.user(" ", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("userId", "NotBlank"),
                                tuple("from", "NotNull"), tuple("to", "NotNull")));
        assertThatThrownBy(() -> ScheduleQuery.visible(WEEK, NEXT_WEEK).pageSize(0))
                .isInstanceOf(ValidationException.class);
        assertThat(ScheduleQuery.visible(WEEK, WEEK.plus(ScheduleQuery.MAX_SPAN))).as("the longest span is allowed")
                .satisfies(q -> assertThat(q.to()).isEqualTo(WEEK.plus(ScheduleQuery.MAX_SPAN)));
    }

    @Test
    void schedule_pagesByKeyset_earliestFirst_andTellsItsTokensApart() {
        List<Long> expected = new ArrayList<>(ids(samsMeeting, samsCall));
        for (int i = 0; i < 5; i++) {
            // two at the same start: the id decides
            Instant start = Instant.parse("2026-03-07T08:00:00Z").plusSeconds(3600L * (i / 2));
            expected.add(activities(SAM).log(NewActivity.task(acme.id()).at(start, Duration.ZERO)).id().value());
        }
        List<Long> seen = new ArrayList<>();
        String token = null;
        List<Integer> sizes = new ArrayList<>();
        do {
            Page<Activity> page = activities(SAM).schedule(ScheduleQuery.user("sam", WEEK, NEXT_WEEK)
                    .pageSize(3).after(token));
            seen.addAll(ids(page));
            sizes.add(page.items().size());
            token = page.nextPageToken();
        } while (token != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).isEqualTo(expected);
        String customersToken = activities(SAM).ofCustomer(acme.id(), null, 1).nextPageToken();
        assertThatThrownBy(() -> activities(SAM).schedule(ScheduleQuery.user("sam", WEEK, NEXT_WEEK)
                .after(customersToken))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                        e.violations()).extracting(Violation::field).containsExactly("pageToken"));
    }

    @Test
    void scheduleCounts_sumPlannedAndDonePerUser_underNeedToKnow() {
        assertThat(activities(MIA).scheduleCounts(ScheduleQuery.team("mia", WEEK, NEXT_WEEK))).containsExactly(
                new ScheduleCount("mia", 1, 0), new ScheduleCount("pia", 1, 1), new ScheduleCount("sam", 1, 1));
        assertThat(activities(MIA).scheduleCounts(ScheduleQuery.team("mia", WEEK, NEXT_WEEK).planned()))
                .containsExactly(new ScheduleCount("mia", 1, 0), new ScheduleCount("pia", 1, 0),
                        new ScheduleCount("sam", 1, 0));
        assertThat(activities(SAM).scheduleCounts(ScheduleQuery.visible(WEEK, NEXT_WEEK)))
                .containsExactly(new ScheduleCount("sam", 1, 1));
        assertThat(activities(ADA).scheduleCounts(ScheduleQuery.visible(WEEK.minusSeconds(60), NEXT_WEEK)))
                .containsExactly(new ScheduleCount("carl", 0, 1), new ScheduleCount("mia", 1, 0),
                        new ScheduleCount("otto", 0, 1), new ScheduleCount("pia", 1, 1),
                        new ScheduleCount("sam", 1, 1));
        assertThat(activities(OTTO).scheduleCounts(ScheduleQuery.user("otto", NEXT_WEEK, NEXT_WEEK.plusSeconds(1))))
                .isEmpty();
    }

    @Test
    void schedule_takesTwoStatementsAPage_andTheCountsOne() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        counter.reset();
        activities(CARL).schedule(ScheduleQuery.team("carl", WEEK, NEXT_WEEK));
        long page = counter.statements();
        counter.reset();
        activities(CARL).scheduleCounts(ScheduleQuery.team("carl", WEEK, NEXT_WEEK));
        long counts = counter.statements();

        assertThat(page).isEqualTo(2);
        assertThat(counts).isEqualTo(1);
    }
}
