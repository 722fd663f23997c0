package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.CallDirection;
import org.crm4j.activity.NewActivity;
import org.crm4j.activity.NewRequest;
import org.crm4j.activity.Request;
import org.crm4j.activity.ServiceStandard;
import org.crm4j.activity.ServiceStandard.AnswerRequestsWithin;
import org.crm4j.activity.ServiceStandard.ContactEvery;
import org.crm4j.activity.ServiceStandard.LogWithin;
import org.crm4j.activity.ServiceStandards;
import org.crm4j.activity.Shortfall;
import org.crm4j.activity.ShortfallKind;
import org.crm4j.activity.ShortfallReport;
import org.crm4j.customer.Classification;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Service standards (R14): who defines them, bad input, and where they are not met, by
 * salesperson, over the salespeople the actor may see, counted by the store: customers not
 * contacted, requests answered late or overdue, activities logged late. The same answers on
 * every adapter; the clock starts on Monday, 2 March 2026, 09:00 UTC.
 */
public abstract class ServiceStandardContract extends ContractBase {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private ServiceStandards standards(Actor actor) {
        return as(actor).serviceStandards();
    }

    private Customer rated(Actor owner, String name, String rating) {
        return customersOf(owner).create(NewCustomer.company(name).classification(Classification.of(rating)));
    }

    private void advanceTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private static List<String> rows(ShortfallReport report) {
        return report.shortfalls().stream().map(s -> s.salespersonId() + " " + s.kind() + " "
                + (s.standard() == null ? "-" : s.standard()) + " " + s.cases()).toList();
    }

    // ---- defining

    @Test
    void define_byAdministratorsOnly_replacesTheOneOfTheSameScope_andListsInOrder() {
        standards(ADA).define(ServiceStandard.contactEvery("A", 30));
        standards(ADA).define(ServiceStandard.contactEvery(null, 60));
        standards(ADA).define(ServiceStandard.answerRequestsWithin("A", 1));
        standards(ADA).define(ServiceStandard.logWithin(ActivityType.MEETING, 48));
        standards(ADA).define(ServiceStandard.logWithin(ActivityType.CALL, 24));
        standards(ADA).define(ServiceStandard.contactEvery(" A ", 14));
        // managers may not: a standard sets the due date of every customer's requests
        for (Actor manager : List.of(MIA, CARL)) {
            assertThatThrownBy(() -> standards(manager).define(ServiceStandard.contactEvery("A", 7)))
                    .as(manager.id()).isInstanceOfSatisfying(AccessDeniedException.class,
                            e -> assertThat(e.actorId()).isEqualTo(manager.id()));
            assertThatThrownBy(() -> standards(manager).remove(ServiceStandard.contactEvery("A", 1)))
                    .as(manager.id()).isInstanceOf(AccessDeniedException.class);
        }

        List<ServiceStandard> expected = List.of(new ContactEvery(null, 60), new ContactEvery("A", 14),
                new AnswerRequestsWithin("A", 1), new LogWithin(ActivityType.CALL, 24),
                new LogWithin(ActivityType.MEETING, 48));
        assertThat(standards(SAM).list()).as("everyone may list them").containsExactlyElementsOf(expected);
        assertThat(standards(ADA).remove(ServiceStandard.contactEvery("A", 1))).isTrue();
        assertThat(standards(ADA).remove(ServiceStandard.contactEvery("A", 1))).isFalse();
        assertThat(standards(OTTO).list()).hasSize(4).doesNotContain(new ContactEvery("A", 14));

        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().startsWith("service-standard."))
                .extracting(DomainEvent::type, e -> e.get("kind") + ":" + e.get("scope") + ":" + e.get("limit"))
                .containsExactly(tuple(EventTypes.SERVICE_STANDARD_DEFINED, "CONTACT_EVERY:A:30"),
                        tuple(EventTypes.SERVICE_STANDARD_DEFINED, "CONTACT_EVERY::60"),
                        tuple(EventTypes.SERVICE_STANDARD_DEFINED, "ANSWER_REQUESTS_WITHIN:A:1"),
                        tuple(EventTypes.SERVICE_STANDARD_DEFINED, "LOG_WITHIN:MEETING:48"),
                        tuple(EventTypes.SERVICE_STANDARD_DEFINED, "LOG_WITHIN:CALL:24"),
                        tuple(EventTypes.SERVICE_STANDARD_DEFINED, "CONTACT_EVERY:A:14"),
                        tuple(EventTypes.SERVICE_STANDARD_REMOVED, "CONTACT_EVERY:A:null"));
        assertThat(delivered).filteredOn(e -> e.type().startsWith("service-standard."))
                .extracting(DomainEvent::actorId).containsOnly("ada").hasSize(7);
    }

    @Test
    void define_isRefusedToEveryoneButAdministrators() {
        for (Actor refused : List.of(SAM, PIA, OTTO, MIA, CARL)) {
            assertThatThrownBy(() -> standards(refused).define(ServiceStandard.contactEvery("A", 30)))
                    .as(refused.id()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> standards(refused).remove(ServiceStandard.contactEvery("A", 30)))
                    .as(refused.id()).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(standards(ADA).list()).isEmpty();
    }

    @Test
    void define_refusesBadInput() {
        assertThatThrownBy(() -> ServiceStandard.contactEvery("A", -1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("days", "Range")));
        assertThatThrownBy(() -> ServiceStandard.contactEvery("A", 3651))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("days")).isTrue());
        assertThatThrownBy(() -> ServiceStandard.answerRequestsWithin(" ", 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("rating", "Format")));
        assertThatThrownBy(() -> ServiceStandard.contactEvery("ABCDEFGHIJK", 5))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("rating")).isTrue());
        assertThatThrownBy(() -> ServiceStandard.answerRequestsWithin("A", 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("workingDays")).isTrue());
        assertThatThrownBy(() -> ServiceStandard.logWithin(null, 24))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("type")).isTrue());
        assertThatThrownBy(() -> ServiceStandard.logWithin(ActivityType.CALL, -24))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("hours")).isTrue());
        assertThatThrownBy(() -> standards(ADA).define(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> standards(ADA).notMet(T0, T0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("since")).isTrue());
        assertThatThrownBy(() -> standards(ADA).notMet(null, T0)).isInstanceOf(ValidationException.class);
        assertThat(standards(ADA).list()).isEmpty();
    }

    // ---- not contacted

    @Test
    void notMet_customersNotContactedWithinTheDaysOfTheirRating_byOwner() {
        Customer acme = rated(SAM, "ACME", "A");
        Customer globex = rated(SAM, "Globex", "A");
        Customer hooli = rated(SAM, "Hooli", "A");
        Customer oldco = rated(SAM, "Oldco", "A");
        customersOf(SAM).save(oldco.archive());
        companyOf(MIA, "Initech");
        rated(PIA, "Umbrella", "B"); // B has no standard of its own: the one without a rating applies
        standards(ADA).define(ServiceStandard.contactEvery("A", 30));
        standards(ADA).define(ServiceStandard.contactEvery(null, 60));
        clock.advance(Duration.ofDays(1));
        Request hoolis = as(SAM).requests().log(NewRequest.question(hooli.id(), "Price?"));
        advanceTo(T0.plus(Duration.ofDays(30)));
        companyOf(SAM, "Newco"); // younger than 60 days at the end: not judged yet
        advanceTo(T0.plus(Duration.ofDays(50)));
        as(SAM).requests().answer(hoolis.id(), "Here it is"); // an answer is contact too
        Instant asOf = T0.plus(Duration.ofDays(61));
        advanceTo(asOf);
        var activities = as(SAM).activities();
        activities.log(NewActivity.call(globex.id(), CallDirection.OUTBOUND)
                .at(T0.plus(Duration.ofDays(40)), Duration.ofMinutes(5)));
        activities.log(NewActivity.call(acme.id(), CallDirection.OUTBOUND) // before the 30 days
                .at(T0.plus(Duration.ofDays(20)), Duration.ofMinutes(5)));
        activities.log(NewActivity.meeting(acme.id()).planned() // planned is not done
                .at(T0.plus(Duration.ofDays(45)), Duration.ofHours(1)));
        activities.log(NewActivity.note(acme.id()).at(T0.plus(Duration.ofDays(45)), Duration.ZERO)); // no contact
        activities.log(NewActivity.email(acme.id()).at(asOf.plus(Duration.ofDays(1)), Duration.ZERO)); // after

        ShortfallReport report = standards(ADA).notMet(asOf.minus(Duration.ofDays(7)), asOf);

        assertThat(rows(report)).containsExactly(
                "mia NOT_CONTACTED ContactEvery[rating=null, days=60] 1",
                "pia NOT_CONTACTED ContactEvery[rating=null, days=60] 1",
                "sam NOT_CONTACTED ContactEvery[rating=A, days=30] 1");
        assertThat(rows(standards(MIA).notMet(asOf.minus(Duration.ofDays(7)), asOf))).isEqualTo(rows(report));
        assertThat(rows(standards(SAM).notMet(asOf.minus(Duration.ofDays(7)), asOf)))
                .containsExactly("sam NOT_CONTACTED ContactEvery[rating=A, days=30] 1");
        assertThat(standards(OTTO).notMet(asOf.minus(Duration.ofDays(7)), asOf).shortfalls()).isEmpty();
        assertThat(report.bySalesperson()).containsOnlyKeys("mia", "pia", "sam");
        assertThat(report.asOf()).isEqualTo(asOf);

        standards(ADA).remove(ServiceStandard.contactEvery("A", 30)); // now A falls under the general one
        assertThat(standards(ADA).notMet(asOf.minus(Duration.ofDays(7)), asOf).cases("sam",
                ShortfallKind.NOT_CONTACTED)).as("each had contact in the 60 days; Newco is too young").isZero();
        assertThat(standards(ADA).notMet(asOf, asOf.plus(Duration.ofDays(30))).cases("sam",
                ShortfallKind.NOT_CONTACTED)).as("30 days later: Newco, judged now; ACME's e-mail counts").isEqualTo(1);
    }

    // ---- requests

    @Test
    void notMet_requestsDueInThePeriod_answeredLateOrStillOpen_byOwner() {
        Customer acme = companyOf(SAM, "ACME");
        Customer initech = companyOf(MIA, "Initech");
        Customer umbrella = companyOf(PIA, "Umbrella");
        var sams = as(SAM).requests();
        Request before = sams.log(NewRequest.question(acme.id(), "due before the period")
                .receivedAt(T0.minus(Duration.ofDays(7))));
        Request late = sams.log(NewRequest.question(acme.id(), "answered late")); // due Wednesday 09:00
        Request inTime = sams.log(NewRequest.question(acme.id(), "answered in time"));
        Request open = sams.log(NewRequest.question(acme.id(), "never answered"));
        Request piasLate = as(PIA).requests().log(NewRequest.complaint(umbrella.id(), "answered late, closed"));
        clock.advance(Duration.ofDays(1));
        sams.answer(inTime.id(), "Tuesday");
        advanceTo(Instant.parse("2026-03-06T09:00:00Z")); // Friday
        sams.answer(late.id(), "Friday");
        as(PIA).requests().answer(piasLate.id(), "Friday");
        as(PIA).requests().close(piasLate.id());
        as(MIA).requests().log(NewRequest.question(initech.id(), "not due yet")); // due Tuesday 10 March
        Instant asOf = Instant.parse("2026-03-09T09:00:00Z");
        advanceTo(asOf);

        ShortfallReport report = standards(ADA).notMet(T0, asOf);

        assertThat(rows(report)).containsExactly("pia ANSWERED_LATE - 1", "sam ANSWERED_LATE - 1",
                "sam UNANSWERED_OVERDUE - 1");
        assertThat(rows(standards(SAM).notMet(T0, asOf))).containsExactly("sam ANSWERED_LATE - 1",
                "sam UNANSWERED_OVERDUE - 1");
        assertThat(rows(standards(MIA).notMet(T0, asOf))).isEqualTo(rows(report));
        assertThat(standards(ADA).notMet(T0.minus(Duration.ofDays(7)), asOf).cases("sam",
                ShortfallKind.UNANSWERED_OVERDUE)).as("with the request due before").isEqualTo(2);
        assertThat(before.dueAt()).isBefore(T0);
        assertThat(open.status()).isEqualTo(org.crm4j.activity.RequestStatus.OPEN);
    }

    // ---- logging

    @Test
    void notMet_activitiesLoggedLaterThanTheLimitAfterTheyEnded_byOwner() {
        Customer acme = companyOf(SAM, "ACME");
        Customer initech = companyOf(MIA, "Initech");
        Customer umbrella = companyOf(PIA, "Umbrella");
        standards(ADA).define(ServiceStandard.logWithin(ActivityType.CALL, 24));
        standards(ADA).define(ServiceStandard.logWithin(ActivityType.MEETING, 2));
        as(SAM).activities().log(NewActivity.call(acme.id(), CallDirection.OUTBOUND).planned()
                .at(T0, Duration.ofMinutes(10))); // never completed
        Activity piasCall = as(PIA).activities().log(NewActivity.call(umbrella.id(), CallDirection.OUTBOUND).planned()
                .at(T0.plus(Duration.ofDays(1)), Duration.ofMinutes(10)));
        advanceTo(T0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(10)).plus(Duration.ofHours(30)));
        as(PIA).activities().complete(piasCall.id(), "completed 30 h after it ended");
        Instant now = T0.plus(Duration.ofDays(3));
        advanceTo(now);
        var sams = as(SAM).activities();
        sams.log(NewActivity.call(acme.id(), CallDirection.INBOUND)
                .at(now.minus(Duration.ofHours(25)).minus(Duration.ofMinutes(10)), Duration.ofMinutes(10)));
        sams.log(NewActivity.call(acme.id(), CallDirection.INBOUND) // exactly 24 h: in time
                .at(now.minus(Duration.ofHours(24)).minus(Duration.ofMinutes(10)), Duration.ofMinutes(10)));
        sams.log(NewActivity.call(acme.id(), CallDirection.INBOUND) // half a second late
                .at(now.minus(Duration.ofHours(24)).minusMillis(500), Duration.ZERO));
        sams.log(NewActivity.call(acme.id(), CallDirection.INBOUND)
                .at(now.minus(Duration.ofHours(2)), Duration.ofMinutes(10)));
        sams.log(NewActivity.call(acme.id(), CallDirection.INBOUND) // ended before the period
                .at(T0.minus(Duration.ofDays(2)), Duration.ofMinutes(10)));
        sams.log(NewActivity.task(acme.id()).at(T0, Duration.ofHours(1))); // tasks have no standard
        var mias = as(MIA).activities();
        mias.log(NewActivity.meeting(initech.id()).at(now.minus(Duration.ofHours(3)), Duration.ofHours(1)));
        mias.log(NewActivity.meeting(initech.id()).at(now.minus(Duration.ofHours(4)), Duration.ofHours(1)));

        ShortfallReport report = standards(ADA).notMet(T0, now.plus(Duration.ofMinutes(1)));

        assertThat(rows(report)).containsExactly(
                "mia LOGGED_LATE LogWithin[type=MEETING, hours=2] 1",
                "pia LOGGED_LATE LogWithin[type=CALL, hours=24] 1",
                "sam LOGGED_LATE LogWithin[type=CALL, hours=24] 3");
        assertThat(rows(standards(PIA).notMet(T0, now.plus(Duration.ofMinutes(1)))))
                .containsExactly("pia LOGGED_LATE LogWithin[type=CALL, hours=24] 1");
        assertThat(report.shortfalls()).extracting(Shortfall::standard).doesNotContainNull();
    }

    // ---- counted by the database

    @Test
    void notMet_isOneStatementPerStandardWhateverTheNumberOfCustomers() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        standards(ADA).define(ServiceStandard.contactEvery("A", 30));
        standards(ADA).define(ServiceStandard.contactEvery(null, 60));
        standards(ADA).define(ServiceStandard.logWithin(ActivityType.CALL, 24));
        rated(SAM, "First", "A");
        clock.advance(Duration.ofDays(61));
        counter.reset();
        assertThat(standards(MIA).notMet(T0, clock.instant()).cases("sam", ShortfallKind.NOT_CONTACTED)).isEqualTo(1);
        long statements = counter.statements();
        assertThat(statements).as("the standards, one count per standard, one for the requests").isEqualTo(5);

        for (int i = 0; i < 20; i++) {
            Customer c = rated(i % 2 == 0 ? SAM : PIA, "Customer " + i, i % 3 == 0 ? "A" : null);
            as(ADA).activities().log(NewActivity.call(c.id(), CallDirection.OUTBOUND).planned()
                    .at(clock.instant().minus(Duration.ofDays(2)), Duration.ofMinutes(5)));
            as(ADA).requests().log(NewRequest.question(c.id(), "Question " + i)
                    .receivedAt(clock.instant().minus(Duration.ofDays(7))));
        }
        clock.advance(Duration.ofDays(61));
        counter.reset();
        assertThat(standards(MIA).notMet(T0, clock.instant()).shortfalls()).isNotEmpty();
        assertThat(counter.statements()).isEqualTo(statements);
    }
}
