package org.crm4j.examples;

import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.Crm;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.activity.Activities;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.CallDirection;
import org.crm4j.activity.InboundRequest;
import org.crm4j.activity.NewActivity;
import org.crm4j.activity.NewRequest;
import org.crm4j.activity.Request;
import org.crm4j.activity.Requests;
import org.crm4j.activity.ScheduleCount;
import org.crm4j.activity.ScheduleQuery;
import org.crm4j.activity.ServiceStandard;
import org.crm4j.activity.Shortfall;
import org.crm4j.activity.ShortfallReport;
import org.crm4j.common.Money;
import org.crm4j.customer.Classification;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.Customers;
import org.crm4j.customer.NewCompetitorContract;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Purpose;
import org.crm4j.customer.RoleCodes;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.Mailing;
import org.crm4j.mailing.MailingReport;
import org.crm4j.mailing.NewMailing;
import org.crm4j.notify.DueWorkReport;
import org.crm4j.notify.MailMessage;
import org.crm4j.notify.Notice;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.reports.FirstContactReport;
import org.crm4j.reports.FirstContactResult;
import org.crm4j.reports.FirstContactRow;

/**
 * A week of a salesperson's work, Monday to Friday, as the host's scheduler and users drive it:
 * service standards set by the sales manager, a first call with a customer's CFO (and one refused
 * with a buyer), planned activities with reminders, a customer's e-mail received twice by the
 * ERP's mail integration and logged once, the due work of every morning (reminders, the notice
 * that a competitor's contract ends, the escalation of the request left unanswered), a first
 * meeting with a CTO, a deal, a mailing to the A customers that skips whom it may not write to, and on Friday the
 * week's schedule, the standards not met and the first-contact report.
 *
 * <p>Run it with {@code mvn -q -B -pl crm-examples -am -DskipTests package exec:java
 * -Dexec.mainClass=org.crm4j.examples.WeekOfWork}.
 */
public final class WeekOfWork {
    /** Monday 2 March 2026, 08:00 UTC. */
    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

    private final PrintStream out;

    /** @param out where the story is printed */
    public WeekOfWork(PrintStream out) {
        this.out = out;
    }

    /** @param args none */
    public static void main(String[] args) {
        new WeekOfWork(System.out).run();
    }

    /** Runs the story. */
    public void run() {
        InMemoryUserDirectory directory = new InMemoryUserDirectory()
                .add("mia", null)
                .add("sam", "mia")
                .add("ada", null, Actor.ADMIN)
                .email("mia", "mia@crm.example")
                .email("sam", "sam@crm.example");
        List<MailMessage> outbox = new ArrayList<>();
        StoryClock clock = new StoryClock(MONDAY);
        try (Crm crm = Crm.builder().userDirectory(directory).clock(clock).mailSender(outbox::add).build()) {
            Actor sam = Actor.of("sam");
            Actor mia = Actor.of("mia");
            Customers customers = crm.as(sam).customers();
            Activities activities = crm.as(sam).activities();
            Requests requests = crm.as(sam).requests();

            // The sales manager's service standards
            Actor ada = Actor.of("ada", Actor.ADMIN);
            crm.as(ada).serviceStandards().define(ServiceStandard.contactEvery("A", 14));
            crm.as(ada).serviceStandards().define(ServiceStandard.answerRequestsWithin(null, 1));
            crm.as(ada).serviceStandards().define(ServiceStandard.logWithin(ActivityType.CALL, 24));
            out.println("Standards: " + crm.as(sam).serviceStandards().list().size() + " set by ada, the administrator");

            Customer acme = customers.create(NewCustomer.company("ACME GmbH").owner("sam"));
            acme = customers.save(acme.classify(Classification.of("A")));
            ContactPerson eva = customers.addContact(acme.id(), NewContact.named("Eva Novak").roles(RoleCodes.CFO)
                    .channel(ContactChannel.email("eva.novak@acme.example")));
            ContactPerson tom = customers.addContact(acme.id(), NewContact.named("Tom Ito").roles("BUYER")
                    .channel(ContactChannel.email("tom.ito@acme.example")));
            Customer initech = customers.create(NewCustomer.company("Initech Sp. z o.o.").owner("sam"));
            ContactPerson bill = customers.addContact(initech.id(), NewContact.named("Bill Lumbergh")
                    .roles(RoleCodes.CTO).channel(ContactChannel.email("bill@initech.example")));
            Customer globex = customers.create(NewCustomer.company("Globex AG").owner("sam"));
            globex = customers.save(globex.classify(Classification.of("A")));
            ContactPerson hank = customers.addContact(globex.id(), NewContact.named("Hank Scorpio")
                    .channel(ContactChannel.email("hank@globex.example")));
            crm.as(sam).consents().grant(eva.id(), Purpose.MARKETING, MONDAY, "trade fair form");
            crm.as(sam).consents().grant(hank.id(), Purpose.MARKETING, MONDAY, "trade fair form");
            crm.as(sam).consents().unsubscribe(hank.id(), "replied 'unsubscribe'");
            customers.addCompetitorContract(acme.id(), NewCompetitorContract.of("Rival Systems",
                    LocalDate.of(2026, 5, 15)).product("warehouse software"));

            out.println();
            out.println("Monday");
            Activity firstCall = activities.recordFirstCall(acme.id(), eva.id(), clock.instant(),
                    "Eva wants a quote for 40 seats");
            out.println("  first call with " + eva.name() + " (CFO) recorded: " + firstCall.outcome().orElse(""));
            try {
                activities.recordFirstMeeting(acme.id(), tom.id(), clock.instant(), null);
            } catch (ValidationException e) {
                out.println("  a first meeting with " + tom.name() + " is refused: "
                        + e.violations().get(0).message());
            }
            Activity task = activities.log(NewActivity.task(acme.id()).planned()
                    .at(at(DayOfWeek.TUESDAY, 14), Duration.ofMinutes(30)).outcome("Send Eva the quote")
                    .remindBefore(Duration.ofHours(5)));
            Activity call = activities.log(NewActivity.call(initech.id(), CallDirection.OUTBOUND).planned()
                    .at(at(DayOfWeek.WEDNESDAY, 10), Duration.ofMinutes(15)).participants(bill.id())
                    .outcome("Book the demo with Bill").remindBefore(Duration.ofHours(1)));
            out.println("  planned: the quote on Tuesday, a call to Initech on Wednesday, with reminders");

            clock.at(at(DayOfWeek.MONDAY, 11));
            NewRequest question = NewRequest.question(initech.id(), "Do your scanners read DataMatrix codes?")
                    .from(bill.id()).text("We need to scan DataMatrix labels on pallets.");
            Request received = requests.receive(InboundRequest.of("erp-mail", "<msg-1001@initech.example>", question));
            Request again = requests.receive(InboundRequest.of("erp-mail", "<msg-1001@initech.example>", question));
            out.println("  the same e-mail received twice: " + (received.id().equals(again.id()) ? "one" : "two")
                    + " request, due " + received.dueAt());
            dueWork(crm, clock, "  due work at 12:00", at(DayOfWeek.MONDAY, 12));
            printInbox(crm, "sam");

            out.println();
            out.println("Tuesday");
            dueWork(crm, clock, "  due work at 09:00", at(DayOfWeek.TUESDAY, 9));
            printInbox(crm, "sam");
            clock.at(at(DayOfWeek.TUESDAY, 14).plus(Duration.ofMinutes(30)));
            activities.complete(task.id(), "Quote sent: 40 seats");
            out.println("  the quote is sent; the request is still open");

            out.println();
            out.println("Wednesday");
            DueWorkReport wednesday = dueWork(crm, clock, "  due work at 09:00", at(DayOfWeek.WEDNESDAY, 9));
            out.println("  overdue requests escalated: " + wednesday.escalations().escalated());
            printInbox(crm, "sam");
            clock.at(at(DayOfWeek.WEDNESDAY, 11));
            activities.complete(call.id(), "Demo booked for Thursday 10:00");
            requests.close(requests.answer(received.id(), "Yes: every model reads DataMatrix codes.").id());
            out.println("  the call is done; the request answered (a day late) and closed");

            out.println();
            out.println("Thursday");
            clock.at(at(DayOfWeek.THURSDAY, 11));
            activities.recordFirstMeeting(initech.id(), bill.id(), at(DayOfWeek.THURSDAY, 10), "Demo of the scanner app");
            out.println("  first meeting with " + bill.name() + " (CTO) recorded: the demo");
            Pipeline sales = crm.as(Actor.of("ada", Actor.ADMIN)).pipelines().define(NewPipeline.named("Sales", "EUR")
                    .stage(Stage.open("QUOTE", "Quote", 40))
                    .stage(Stage.won("WON", "Won"))
                    .stage(Stage.lost("LOST", "Lost")));
            crm.as(sam).opportunities().open(NewOpportunity.on(acme.id(), "40 scanner seats", sales.id())
                    .amount(Money.of("18000.00", "EUR")).expectedClose(LocalDate.of(2026, 4, 30)));
            out.println("  a deal for ACME's 40 seats is opened");
            Mailing webinar = crm.as(mia).mailings().create(NewMailing.of("Spring webinar",
                            Audience.segment(Criteria.rated("A")))
                    .purpose(Purpose.MARKETING)
                    .subject("Scanning in the cold store: our webinar on 19 March")
                    .text("Dear {{contact.firstName}},\n\nyou are invited to our webinar on 19 March.\n\n"
                            + "{{sender.name}}"));
            MailingReport sent = crm.as(mia).mailings().send(webinar.id());
            out.println("  mailing '" + webinar.name() + "' to the A customers: " + sent.sent() + " sent, "
                    + sent.skipped().values().stream().mapToLong(Long::longValue).sum() + " skipped "
                    + sent.skipped().entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(e -> e.getKey() + " " + e.getValue()).toList());

            out.println();
            out.println("Friday");
            clock.at(at(DayOfWeek.FRIDAY, 16));
            Instant weekStart = MONDAY.minus(Duration.ofHours(8));
            Instant weekEnd = weekStart.plus(Duration.ofDays(5));
            ScheduleQuery week = ScheduleQuery.user("sam", weekStart, weekEnd);
            for (ScheduleCount count : crm.as(mia).activities().scheduleCounts(week)) {
                out.println("  sam's week: " + count.planned() + " planned, " + count.done() + " done");
            }
            for (Activity a : crm.as(mia).activities().schedule(week).items()) {
                out.println("    " + a.startsAt() + " " + a.type() + " " + a.status() + ": " + a.outcome().orElse(""));
            }
            ShortfallReport notMet = crm.as(mia).serviceStandards().notMet(weekStart, clock.instant());
            for (Shortfall s : notMet.shortfalls()) {
                out.println("  standard not met by " + s.salespersonId() + ": " + s.kind() + " x" + s.cases());
            }
            FirstContactResult firsts = crm.as(mia).report(FirstContactReport.monthly(LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 3, 31), ZoneOffset.UTC).dealWithin(30));
            for (FirstContactRow row : firsts.rows()) {
                out.println("  first contacts of " + row.salespersonId() + " in " + row.period() + ": "
                        + row.firstCalls() + " call, " + row.firstMeetings() + " meeting, "
                        + (row.callsFollowedByDeal() + row.meetingsFollowedByDeal()) + " followed by a deal");
            }
            out.println("  e-mails handed to the host's mail system this week: " + outbox.size());
        }
    }

    private DueWorkReport dueWork(Crm crm, StoryClock clock, String label, Instant at) {
        clock.at(at);
        DueWorkReport report = crm.runDueWork();
        out.println(label + ": " + report.noticesCreated() + " notices, " + report.sent("inbox") + " to inboxes, "
                + report.sent("email") + " by e-mail");
        return report;
    }

    private void printInbox(Crm crm, String user) {
        for (Notice notice : crm.as(user).inbox().list(null, 10).items()) {
            if (notice.readAt() == null) {
                out.println("    " + user + "'s inbox: " + notice.subject());
                crm.as(user).inbox().markRead(notice.id());
            }
        }
    }

    /** @return that day of the story's week at the hour, UTC */
    private static Instant at(DayOfWeek day, int hour) {
        return MONDAY.plus(Duration.ofDays(day.getValue() - 1L)).plus(Duration.ofHours(hour - 8L));
    }
}
