package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crm4j.AccessDeniedException;
import org.crm4j.Crm;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityId;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.CallDirection;
import org.crm4j.activity.EscalationReport;
import org.crm4j.activity.InboundRequest;
import org.crm4j.activity.NewActivity;
import org.crm4j.activity.NewRequest;
import org.crm4j.activity.Request;
import org.crm4j.activity.RequestKind;
import org.crm4j.activity.RequestStatus;
import org.crm4j.activity.Requests;
import org.crm4j.activity.ServiceStandard;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Page;
import org.crm4j.common.WorkingCalendar;
import org.crm4j.customer.Classification;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.notify.DueWorkReport;
import org.crm4j.notify.NoticeKinds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Customer requests (R7): logging and the idempotent intake of integrations (also against
 * concurrent intakes), due times from the service standards in working days, open → answered →
 * closed with reopening, bad input, need-to-know on every read path, the overdue list, and the
 * escalation to the owner and then the owner's superior, once per level, also when two nodes
 * run it at the same time.
 *
 * <p>The clock starts on Monday, 2 March 2026, 09:00 UTC; without a standard a request has
 * {@link Requests#DEFAULT_ANSWER_WORKING_DAYS} (2) working days.
 */
public abstract class RequestContract extends ContractBase {
    private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-03-04T09:00:00Z");
    private static final Instant FRIDAY = Instant.parse("2026-03-06T09:00:00Z");

    private Customer acme;
    private Customer globex;
    private ContactPerson bill;
    private ContactPerson hank;

    @BeforeEach
    void customersAndContacts() {
        acme = customersOf(SAM).create(NewCustomer.company("ACME").classification(Classification.of("A")));
        globex = customersOf(SAM).create(NewCustomer.company("Globex").classification(Classification.of("B")));
        bill = customersOf(SAM).addContact(acme.id(), NewContact.named("Bill Lumbergh"));
        hank = customersOf(SAM).addContact(globex.id(), NewContact.named("Hank Scorpio"));
    }

    private Requests requests(Actor actor) {
        return as(actor).requests();
    }

    private Request question(Actor actor, CustomerId customer, String subject) {
        return requests(actor).log(NewRequest.question(customer, subject));
    }

    private List<DomainEvent> deliveredOf(String type) {
        crm.deliverEvents();
        return delivered.stream().filter(e -> e.type().equals(type)).toList();
    }

    private static InboundRequest mail(String messageId, CustomerId customer, String subject) {
        return InboundRequest.of("MAIL", messageId, NewRequest.question(customer, subject));
    }

    // ---- logging

    @Test
    void log_keepsEverything_asAnActivityInTheCustomersHistory_andRaisesRequestOpened() {
        Instant received = MONDAY.minus(Duration.ofHours(1));
        Request logged = requests(SAM).log(NewRequest.complaint(acme.id(), "  Invoice 4711 is twice the offer ")
                .from(bill.id()).text(" Dear Sam, ... ").receivedAt(received)
                .concerns(ExternalRef.of("SAP", "INV-4711")));

        Request read = requests(SAM).get(logged.id());
        assertThat(read.kind()).isEqualTo(RequestKind.COMPLAINT);
        assertThat(read.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(read.customerId()).isEqualTo(acme.id());
        assertThat(read.ownerId()).as("the customer's owner answers it").isEqualTo("sam");
        assertThat(read.contactId()).contains(bill.id());
        assertThat(read.subject()).isEqualTo("Invoice 4711 is twice the offer");
        assertThat(read.text()).contains("Dear Sam, ...");
        assertThat(read.receivedAt()).isEqualTo(received);
        assertThat(read.concerns()).contains(ExternalRef.of("SAP", "INV-4711"));
        assertThat(read.sourceSystem()).isEmpty();
        assertThat(read.dueAt()).as("2 working days").isEqualTo(WEDNESDAY.minus(Duration.ofHours(1)));
        assertThat(read.escalateAt()).as("one more answer period").isEqualTo(FRIDAY.minus(Duration.ofHours(1)));
        assertThat(read.escalationLevel()).isZero();
        assertThat(read.answer()).isEmpty();
        assertThat(read.createdBy()).isEqualTo("sam");
        assertThat(read.createdAt()).isEqualTo(MONDAY);

        Activity activity = as(SAM).activities().get(logged.id());
        assertThat(activity.type()).isEqualTo(ActivityType.REQUEST);
        assertThat(activity.status()).isEqualTo(ActivityStatus.DONE);
        assertThat(activity.startsAt()).isEqualTo(received);
        assertThat(activity.participants()).containsExactly(bill.id());
        assertThat(activity.outcome()).contains("Invoice 4711 is twice the offer");
        assertThat(activity.doneAt()).contains(MONDAY);
        assertThat(as(SAM).activities().ofCustomer(acme.id(), null, 10).items()).extracting(Activity::id)
                .containsExactly(logged.id());

        assertThat(deliveredOf(EventTypes.REQUEST_OPENED)).singleElement().satisfies(e -> {
            assertThat(e.aggregateType()).isEqualTo("request");
            assertThat(e.aggregateId()).isEqualTo(logged.id().value());
            assertThat(e.customerId()).isEqualTo(acme.id().value());
            assertThat(e.activityId()).hasValue(logged.id().value());
            assertThat(e.data()).containsEntry("kind", "COMPLAINT").containsEntry("owner", "sam")
                    .containsEntry("due", read.dueAt().toString()).doesNotContainKey("source");
        });
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.ACTIVITY_LOGGED)).isEmpty();
    }

    @Test
    void log_byAManagerForHerTeam_andAnOwnerOfTheActorsChoice_seenByTheCustomersOwnerToo() {
        Request forPia = requests(MIA).log(NewRequest.serviceRequest(acme.id(), "Visit on site").owner("pia"));
        Customer initech = companyOf(MIA, "Initech");
        Request forPiaOnMias = requests(MIA).log(NewRequest.question(initech.id(), "Price list").owner("pia"));

        assertThat(forPia.ownerId()).isEqualTo("pia");
        assertThat(requests(PIA).get(forPia.id()).kind()).isEqualTo(RequestKind.SERVICE_REQUEST);
        // sam owns acme: he sees pia's request on it, not hers on mia's customer
        assertThat(requests(SAM).get(forPia.id()).ownerId()).isEqualTo("pia");
        assertThatThrownBy(() -> requests(SAM).get(forPiaOnMias.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests(OTTO).get(forPia.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void log_refusesBadInput_listingEveryViolation_andWritesNothing() {
        assertThatThrownBy(() -> requests(SAM).log(NewRequest.question(acme.id(), "  ").text("x".repeat(4001))
                .receivedAt(MONDAY.plusSeconds(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactlyInAnyOrder(tuple("subject", "NotBlank"), tuple("text", "Size"),
                                tuple("receivedAt", "PastOrPresent")));
        assertThatThrownBy(() -> requests(SAM).log(NewRequest.question(acme.id(), "x".repeat(201))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("subject", "Size")));
        assertThatThrownBy(() -> requests(SAM).log(NewRequest.question(acme.id(), "Which hours?").from(hank.id())
                .owner("nobody")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactlyInAnyOrder(tuple("contactId", "CustomersContact"),
                                tuple("ownerId", "KnownUser")));
        assertThatThrownBy(() -> requests(SAM).log(NewRequest.question(acme.id(), "Who?").owner(" ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("ownerId", "NotBlank")));
        assertThatThrownBy(() -> question(SAM, CustomerId.of(999_999), "Anyone?"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> question(PIA, acme.id(), "Not pia's customer"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests(SAM).log(NewRequest.question(acme.id(), "For pia").owner("pia")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requests(SAM).log(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> NewRequest.question(null, "x")).isInstanceOf(ValidationException.class);

        assertThat(as(ADA).activities().ofCustomer(acme.id(), null, 10).items()).isEmpty();
        assertThat(requests(ADA).overdue(null, 10).items()).isEmpty();
        assertThat(deliveredOf(EventTypes.REQUEST_OPENED)).isEmpty();
    }

    // ---- due times

    @Test
    void dueTime_comesFromTheStandardForTheRating_elseTheOneWithoutRating_elseTheDefault() {
        Customer initech = customersOf(SAM).create(NewCustomer.company("Initech"));
        as(ADA).serviceStandards().define(ServiceStandard.answerRequestsWithin("A", 1));
        as(ADA).serviceStandards().define(ServiceStandard.answerRequestsWithin(null, 3));

        assertThat(question(SAM, acme.id(), "A").dueAt()).isEqualTo(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(question(SAM, globex.id(), "B").dueAt()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
        assertThat(question(SAM, initech.id(), "none").dueAt()).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));

        as(ADA).serviceStandards().remove(ServiceStandard.answerRequestsWithin(null, 99));
        assertThat(question(SAM, globex.id(), "B").dueAt()).as("the default").isEqualTo(WEDNESDAY);
    }

    @Test
    void dueTime_countsWorkingDays_overTheWeekend() {
        as(ADA).serviceStandards().define(ServiceStandard.answerRequestsWithin("A", 1));
        clock.advance(Duration.between(MONDAY, Instant.parse("2026-03-06T15:00:00Z"))); // Friday 15:00

        Request friday = question(SAM, acme.id(), "On Friday");
        clock.advance(Duration.ofHours(19)); // Saturday 10:00
        Request weekend = question(SAM, acme.id(), "On Saturday");

        assertThat(friday.dueAt()).as("Monday 15:00").isEqualTo(Instant.parse("2026-03-09T15:00:00Z"));
        assertThat(friday.escalateAt()).as("Tuesday 15:00").isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
        assertThat(weekend.dueAt()).as("the end of Monday").isEqualTo(Instant.parse("2026-03-10T00:00:00Z"));
        assertThat(weekend.escalateAt()).as("the end of Tuesday").isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    }

    @Test
    void dueTime_skipsTheHolidaysOfTheWorkingCalendar() {
        try (Crm withHolidays = fixture().freshStore(Crm.builder()).userDirectory(directory).clock(clock)
                .discoverPlugins(false)
                .workingCalendar(WorkingCalendar.mondayToFriday().withHolidays(LocalDate.of(2026, 3, 3)))
                .build()) {
            Customer initech = withHolidays.as(SAM).customers().create(NewCustomer.company("Initech"));

            Request r = withHolidays.as(SAM).requests().log(NewRequest.question(initech.id(), "Tuesday is off"));

            assertThat(r.dueAt()).as("Monday + 2 working days, Tuesday a holiday")
                    .isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
        }
    }

    // ---- answer, close, reopen

    @Test
    void lifecycle_openAnsweredClosed_reopenedAndAnsweredAgain() {
        Request r = requests(SAM).log(NewRequest.question(acme.id(), "Where is my order?").from(bill.id()));
        clock.advance(Duration.ofHours(3));

        Request answered = requests(MIA).answer(r.id(), "  It ships tomorrow. ");

        assertThat(answered.status()).isEqualTo(RequestStatus.ANSWERED);
        assertThat(requests(SAM).get(r.id())).satisfies(read -> {
            assertThat(read.status()).isEqualTo(RequestStatus.ANSWERED);
            assertThat(read.answeredBy()).contains("mia");
            assertThat(read.answeredAt()).contains(clock.instant());
            assertThat(read.answer()).contains("It ships tomorrow.");
            assertThat(read.version()).isEqualTo(r.version() + 1);
        });
        assertThatThrownBy(() -> requests(SAM).answer(r.id(), "again"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("status", "Open")));

        Request closed = requests(SAM).close(r.id());
        assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
        assertThat(closed.closedBy()).contains("sam");
        assertThat(closed.answer()).contains("It ships tomorrow.");
        assertThatThrownBy(() -> requests(SAM).answer(r.id(), "late thought"))
                .as("answering a closed request")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("status")).isTrue());
        assertThatThrownBy(() -> requests(SAM).close(r.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("status", "Answered")));

        clock.advance(Duration.ofDays(2)); // Wednesday 12:00
        assertThatThrownBy(() -> requests(SAM).reopen(r.id(), " ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.hasViolation("reason")).isTrue());
        Request reopened = requests(SAM).reopen(r.id(), "It did not ship");

        assertThat(reopened.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(reopened.answer()).isEmpty();
        assertThat(reopened.answeredBy()).isEmpty();
        assertThat(reopened.closedAt()).isEmpty();
        assertThat(reopened.dueAt()).as("due anew from now").isEqualTo(Instant.parse("2026-03-06T12:00:00Z"));
        assertThat(requests(SAM).get(r.id()).dueAt()).isEqualTo(reopened.dueAt());
        assertThatThrownBy(() -> requests(SAM).reopen(r.id(), "again"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("status", "NotOpen")));
        assertThatThrownBy(() -> requests(SAM).close(r.id()))
                .as("an open request is answered before it is closed")
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("status")).isTrue());

        requests(SAM).answer(r.id(), "Shipped today");
        requests(SAM).reopen(r.id(), "Wrong goods"); // an answered request may be reopened too

        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().startsWith("request."))
                .extracting(DomainEvent::type).containsExactly(EventTypes.REQUEST_OPENED, EventTypes.REQUEST_ANSWERED,
                        EventTypes.REQUEST_CLOSED, EventTypes.REQUEST_REOPENED, EventTypes.REQUEST_ANSWERED,
                        EventTypes.REQUEST_REOPENED);
        assertThat(deliveredOf(EventTypes.REQUEST_ANSWERED)).first().satisfies(e -> assertThat(e.data())
                .containsEntry("by", "mia").containsEntry("late", "false")
                .containsEntry("activity", Long.toString(r.id().value())));
        assertThat(deliveredOf(EventTypes.REQUEST_REOPENED)).first().satisfies(e -> assertThat(e.data())
                .containsEntry("reason", "It did not ship").containsEntry("due", "2026-03-06T12:00:00Z"));
    }

    @Test
    void answer_refusesABlankOrTooLongAnswer_andUnknownRequests() {
        Request r = question(SAM, acme.id(), "Price list?");
        Activity call = as(SAM).activities().log(NewActivity.call(acme.id(), CallDirection.INBOUND));

        assertThatThrownBy(() -> requests(SAM).answer(r.id(), "   "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("answer")).isTrue());
        assertThatThrownBy(() -> requests(SAM).answer(r.id(), "x".repeat(4001)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("answer")).isTrue());
        assertThatThrownBy(() -> requests(SAM).answer(ActivityId.of(999_999), "x"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> requests(SAM).get(call.id())).as("a call is no request")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(SAM).activities().complete(r.id(), "answered by the activity"))
                .as("a request is answered as a request").isInstanceOf(ValidationException.class);
        assertThat(requests(SAM).get(r.id()).status()).isEqualTo(RequestStatus.OPEN);
    }

    // ---- the idempotent intake

    @Test
    void receive_isIdempotentBySourceId_andRaisesOneEvent() {
        Request first = requests(ADA).receive(InboundRequest.of(" MAIL ", " <4711@acme.example> ",
                NewRequest.question(acme.id(), "Where is my invoice?").text("Body")));
        Request again = requests(ADA).receive(mail("<4711@acme.example>", globex.id(), "A different subject"));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.customerId()).isEqualTo(acme.id());
        assertThat(again.subject()).isEqualTo("Where is my invoice?");
        assertThat(first.sourceSystem()).contains("MAIL");
        assertThat(first.sourceId()).contains("<4711@acme.example>");
        assertThat(first.createdBy()).isEqualTo("ada");
        assertThat(first.ownerId()).as("the customer's owner").isEqualTo("sam");

        Request other = requests(ADA).receive(mail("<4712@acme.example>", acme.id(), "Another one"));
        Request sameIdOtherSystem = requests(ADA).receive(InboundRequest.of("WEBFORM", "<4711@acme.example>",
                NewRequest.question(acme.id(), "From the web")));

        assertThat(List.of(other.id(), sameIdOtherSystem.id())).doesNotContain(first.id()).doesNotHaveDuplicates();
        assertThat(requests(SAM).get(first.id()).text()).contains("Body");
        assertThat(as(ADA).activities().ofCustomer(acme.id(), null, 10).items()).hasSize(3);
        assertThat(as(ADA).activities().ofCustomer(globex.id(), null, 10).items()).isEmpty();
        assertThat(deliveredOf(EventTypes.REQUEST_OPENED)).extracting(e -> e.data().get("source"))
                .containsExactly("MAIL:<4711@acme.example>", "MAIL:<4712@acme.example>",
                        "WEBFORM:<4711@acme.example>");
    }

    @Test
    void receive_refusesAMissingSource_andHidesAFirstRequestTheActorMayNotSee() {
        assertThatThrownBy(() -> InboundRequest.of(" ", "x".repeat(251), NewRequest.question(acme.id(), "x")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactlyInAnyOrder(tuple("sourceSystem", "NotBlank"), tuple("sourceId", "Size")));
        Customer initech = companyOf(MIA, "Initech");
        requests(MIA).receive(mail("<1@initech.example>", initech.id(), "Mia's"));

        assertThatThrownBy(() -> requests(SAM).receive(mail("<1@initech.example>", acme.id(), "Sam's")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(ADA).activities().ofCustomer(acme.id(), null, 10).items()).isEmpty();
    }

    @Test
    void receive_eightConcurrentIntakesOfOneMail_logOneRequest_andAllReturnIt() throws Exception {
        List<Long> ids = new CopyOnWriteArrayList<>();
        List<Runnable> intakes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String subject = "attempt " + i;
            intakes.add(() -> ids.add(requests(ADA).receive(mail("<race@acme.example>", acme.id(), subject))
                    .id().value()));
        }

        List<String> outcomes = inParallel(intakes);

        assertThat(outcomes).containsOnly("done");
        assertThat(ids).hasSize(8).containsOnly(ids.get(0));
        assertThat(as(ADA).activities().ofCustomer(acme.id(), null, 100).items()).hasSize(1);
        assertThat(deliveredOf(EventTypes.REQUEST_OPENED)).hasSize(1);
    }

    // ---- need-to-know

    @Test
    void needToKnow_onGetAnswerCloseReopenAndTheOverdueList() {
        Request sams = question(SAM, acme.id(), "Sam's");
        clock.advance(Duration.ofDays(3));

        for (Actor allowed : List.of(SAM, MIA, CARL, ADA)) {
            assertThat(requests(allowed).get(sams.id()).id()).as(allowed.id()).isEqualTo(sams.id());
            assertThat(requests(allowed).overdue(null, 10).items()).as(allowed.id()).extracting(Request::id)
                    .containsExactly(sams.id());
        }
        for (Actor refused : List.of(PIA, OTTO)) {
            assertThatThrownBy(() -> requests(refused).get(sams.id())).as(refused.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> requests(refused).answer(sams.id(), "x")).as(refused.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> requests(refused).close(sams.id())).as(refused.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> requests(refused).reopen(sams.id(), "x")).as(refused.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(requests(refused).overdue(null, 10).items()).as(refused.id()).isEmpty();
        }
        assertThatThrownBy(() -> requests(SAM).get(ActivityId.of(999_999))).isInstanceOf(NotFoundException.class);
        assertThat(requests(SAM).get(sams.id()).status()).isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void needToKnow_onTheCustomerCardsHistory_theOwnerSeesEveryRequestOnHisCustomer() {
        Request sams = question(SAM, acme.id(), "Sam's");
        Request mias = requests(MIA).log(NewRequest.question(acme.id(), "Mia's own").owner("mia"));
        requests(MIA).answer(mias.id(), "Done");
        Request pias = requests(MIA).log(NewRequest.question(acme.id(), "Pia's").owner("pia"));

        List<String> all = List.of(EventTypes.REQUEST_OPENED + ":" + sams.id(),
                EventTypes.REQUEST_OPENED + ":" + mias.id(), EventTypes.REQUEST_ANSWERED + ":" + mias.id(),
                EventTypes.REQUEST_OPENED + ":" + pias.id());
        for (Actor ownersLine : List.of(SAM, MIA, ADA)) {
            assertThat(requestEventsOnTheCard(ownersLine)).as(ownersLine.id()).containsExactlyInAnyOrderElementsOf(all);
        }
        // a request is no open work that lets its owner read the customer: pia gets hers, not the card
        assertThat(requests(PIA).get(pias.id()).ownerId()).isEqualTo("pia");
        assertThatThrownBy(() -> requestEventsOnTheCard(PIA)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> requestEventsOnTheCard(OTTO)).isInstanceOf(AccessDeniedException.class);
    }

    private List<String> requestEventsOnTheCard(Actor actor) {
        return customersOf(actor).card(acme.id()).latestHistory().stream()
                .filter(e -> e.type().startsWith("request."))
                .map(e -> e.type() + ":" + e.activityId().getAsLong()).toList();
    }

    // ---- the overdue list

    @Test
    void overdue_listsOpenRequestsPastTheirDueTime_longestOverdueFirst_byKeyset_withColleaguesOnTheOwnersCustomers() {
        Request a = requests(SAM).log(NewRequest.question(acme.id(), "a").receivedAt(MONDAY.minus(Duration.ofDays(7))));
        Request b = requests(SAM).log(NewRequest.question(acme.id(), "b").receivedAt(MONDAY.minus(Duration.ofDays(5))));
        Request c = requests(SAM).log(NewRequest.question(globex.id(), "c").receivedAt(MONDAY.minus(Duration.ofDays(5))));
        Request answered = requests(SAM).log(NewRequest.question(acme.id(), "answered")
                .receivedAt(MONDAY.minus(Duration.ofDays(7))));
        requests(SAM).answer(answered.id(), "yes");
        question(SAM, acme.id(), "not due yet");
        // mia's own, on sam's customer: sam sees it
        Request mias = requests(MIA).log(NewRequest.question(acme.id(), "mia's").owner("mia")
                .receivedAt(MONDAY.minus(Duration.ofDays(7))));

        Page<Request> first = requests(SAM).overdue(null, 2);
        Page<Request> second = requests(SAM).overdue(first.nextPageToken(), 2);

        assertThat(first.items()).extracting(Request::id).containsExactly(a.id(), mias.id());
        assertThat(second.items()).extracting(Request::id).containsExactly(b.id(), c.id());
        assertThat(second.hasNext()).isFalse();
        assertThat(first.items().get(0).isOverdueAt(clock.instant())).isTrue();
        assertThat(requests(MIA).overdue(null, 500).items()).hasSize(4);
        assertThat(requests(PIA).overdue(null, 500).items()).isEmpty();

        assertThatThrownBy(() -> requests(SAM).overdue("not-a-token", 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("pageToken")).isTrue());
        String activitiesToken = as(SAM).activities().ofCustomer(acme.id(), null, 1).nextPageToken();
        assertThatThrownBy(() -> requests(SAM).overdue(activitiesToken, 2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("pageToken")).isTrue());
        assertThatThrownBy(() -> requests(SAM).overdue(null, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("pageSize")).isTrue());
        assertThatThrownBy(() -> requests(SAM).overdue(null, 501))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("pageSize")).isTrue());
    }

    @Test
    void overdue_isTwoStatementsWhateverThePageSize() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        for (int i = 0; i < 30; i++) {
            requests(SAM).log(NewRequest.question(i % 2 == 0 ? acme.id() : globex.id(), "Request " + i)
                    .from(i % 2 == 0 ? bill.id() : hank.id()).receivedAt(MONDAY.minus(Duration.ofDays(7))));
        }
        counter.reset();
        assertThat(requests(MIA).overdue(null, 2).items()).hasSize(2);
        assertThat(counter.statements()).as("the page of requests, then their activities").isEqualTo(2);
        counter.reset();
        assertThat(requests(MIA).overdue(null, 500).items()).hasSize(30).allSatisfy(r -> assertThat(r.contactId())
                .isPresent());
        assertThat(counter.statements()).isEqualTo(2);
    }

    // ---- escalation

    @Test
    void escalation_toTheOwner_thenTheOwnersSuperior_oncePerLevel() {
        Request r = question(SAM, acme.id(), "Unanswered");

        assertThat(crm.escalateOverdueRequests()).isEqualTo(new EscalationReport(0, false));
        clock.advance(Duration.between(MONDAY, WEDNESDAY)); // exactly due: not overdue yet
        assertThat(crm.escalateOverdueRequests().escalated()).isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(crm.escalateOverdueRequests()).isEqualTo(new EscalationReport(1, false));
        assertThat(crm.escalateOverdueRequests().escalated()).as("once per level").isZero();
        assertThat(requests(SAM).get(r.id())).satisfies(read -> {
            assertThat(read.escalationLevel()).isEqualTo(1);
            assertThat(read.version()).as("escalating leaves the version alone").isEqualTo(r.version());
        });
        assertThat(deliveredOf(EventTypes.REQUEST_OVERDUE)).singleElement().satisfies(e -> {
            assertThat(e.actorId()).isEqualTo("crm4j");
            assertThat(e.aggregateType()).isEqualTo("request");
            assertThat(e.customerId()).isEqualTo(acme.id().value());
            assertThat(e.activityId()).hasValue(r.id().value());
            assertThat(e.data()).containsEntry("request", Long.toString(r.id().value()))
                    .containsEntry("level", "1").containsEntry("recipient", "sam")
                    .containsEntry("due", "2026-03-04T09:00:00Z").containsEntry("subject", "Unanswered");
        });

        clock.advance(Duration.between(WEDNESDAY, FRIDAY)); // one more answer period, plus the minute
        assertThat(crm.escalateOverdueRequests().escalated()).isEqualTo(1);
        assertThat(crm.escalateOverdueRequests().escalated()).isZero();
        clock.advance(Duration.ofDays(30));
        assertThat(crm.escalateOverdueRequests().escalated()).as("there is no level 3").isZero();

        assertThat(requests(SAM).get(r.id()).escalationLevel()).isEqualTo(2);
        assertThat(deliveredOf(EventTypes.REQUEST_OVERDUE)).extracting(e -> e.get("level") + ":" + e.get("recipient"))
                .containsExactly("1:sam", "2:mia");
        requests(SAM).answer(r.id(), "Sorry for the wait"); // the user's save meets no conflict
        assertThat(requests(SAM).get(r.id()).escalationLevel()).as("kept by the user's save").isEqualTo(2);
    }

    @Test
    void dueWork_escalatesAnOverdueRequest_intoTheOwnersInbox_thenTheSuperiors_oncePerLevel() {
        Request r = question(SAM, acme.id(), "Unanswered");
        clock.advance(Duration.between(MONDAY, WEDNESDAY).plusMinutes(1));

        DueWorkReport first = crm.runDueWork();

        assertThat(first.escalations().escalated()).isEqualTo(1);
        assertThat(crm.as(SAM).inbox().list(null, 10).items()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKinds.REQUEST_OVERDUE);
            assertThat(n.key()).isEqualTo("request-overdue:" + r.id().value() + ":1");
        });
        assertThat(crm.as(MIA).inbox().unreadCount()).isZero();
        assertThat(crm.runDueWork().escalations().escalated()).as("once per level").isZero();

        clock.advance(Duration.between(WEDNESDAY, FRIDAY));
        assertThat(crm.runDueWork().escalations().escalated()).isEqualTo(1);
        assertThat(crm.as(MIA).inbox().list(null, 10).items()).singleElement()
                .satisfies(n -> assertThat(n.key()).isEqualTo("request-overdue:" + r.id().value() + ":2"));
        assertThat(crm.as(SAM).inbox().unreadCount()).as("the owner's notice came once").isEqualTo(1);
    }

    @Test
    void escalation_catchesUpBothLevelsInOneRun_goesToTheOwnerAtTheTop_andStartsAnewWhenReopened() {
        Customer carls = companyOf(CARL, "Carl's customer");
        Request sams = question(SAM, acme.id(), "Sam's");
        Request carlsRequest = question(CARL, carls.id(), "Carl's");
        Request answeredInTime = question(SAM, acme.id(), "Answered in time");
        requests(SAM).answer(answeredInTime.id(), "Right away");
        clock.advance(Duration.ofDays(7));

        EscalationReport report = crm.escalateOverdueRequests();

        assertThat(report).isEqualTo(new EscalationReport(4, false));
        assertThat(deliveredOf(EventTypes.REQUEST_OVERDUE)).extracting(e -> e.get("request") + ":" + e.get("level")
                + ":" + e.get("recipient")).containsExactlyInAnyOrder(sams.id() + ":1:sam", sams.id() + ":2:mia",
                        carlsRequest.id() + ":1:carl", carlsRequest.id() + ":2:carl");

        requests(SAM).answer(sams.id(), "Late, sorry");
        Request reopened = requests(SAM).reopen(sams.id(), "Not solved");
        assertThat(reopened.escalationLevel()).isZero();
        assertThat(requests(SAM).get(sams.id()).escalationLevel()).isZero();
        assertThat(crm.escalateOverdueRequests().escalated()).isZero();
        clock.advance(Duration.ofDays(3));
        assertThat(crm.escalateOverdueRequests().escalated()).isEqualTo(1);
        assertThat(requests(SAM).get(sams.id()).escalationLevel()).isEqualTo(1);
    }

    @Test
    void escalation_twoNodesRacing_raiseEachLevelOnce() throws Exception {
        int count = 12;
        for (int i = 0; i < count; i++) {
            question(SAM, i % 2 == 0 ? acme.id() : globex.id(), "Request " + i);
        }
        clock.advance(Duration.ofDays(3)); // Thursday 09:00: overdue, not yet for the superior
        Crm.Builder sameDatabase = fixture().sameStore(Crm.builder());
        try (Crm secondNode = sameDatabase == null ? null : sameDatabase.userDirectory(directory)
                .userCacheTtl(Duration.ZERO).clock(clock).discoverPlugins(false).build()) {
            Crm node2 = secondNode == null ? crm : secondNode;
            List<Integer> escalated = new CopyOnWriteArrayList<>();
            List<Runnable> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Crm node = i % 2 == 0 ? crm : node2;
                runs.add(() -> escalated.add(node.escalateOverdueRequests().escalated()));
            }

            List<String> outcomes = inParallel(runs);

            assertThat(outcomes).containsOnly("done");
            assertThat(escalated.stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
        }
        assertThat(deliveredOf(EventTypes.REQUEST_OVERDUE)).hasSize(count)
                .extracting(e -> e.get("request")).doesNotHaveDuplicates();
        assertThat(requests(ADA).overdue(null, 100).items()).extracting(Request::escalationLevel).containsOnly(1);
    }
}
