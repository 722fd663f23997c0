package org.crm4j.tck;

import org.crm4j.sales.ServiceContract;
import org.crm4j.sales.NewServiceContract;
import org.crm4j.common.Money;
import org.crm4j.common.BillingPeriod;
import org.crm4j.store.EventStore;
import org.crm4j.store.CustomerStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.crm4j.AccessDeniedException;
import org.crm4j.Crm;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.activity.Activity;
import org.crm4j.activity.NewActivity;
import org.crm4j.common.EmailAddress;
import org.crm4j.common.Page;
import org.crm4j.customer.CompetitorContract;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCompetitorContract;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.DueWorkReport;
import org.crm4j.notify.MailMessage;
import org.crm4j.notify.Notice;
import org.crm4j.notify.NoticeKinds;
import org.crm4j.notify.NoticeTemplate;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.plugin.CrmPlugin;
import org.crm4j.store.CrmStore;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.NoticeRule;
import org.crm4j.plugin.NoticeRuleContext;
import org.crm4j.plugin.NotificationChannel;
import org.crm4j.plugin.PluginContext;
import org.crm4j.store.StoreContext;
import org.crm4j.store.Visibility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notices (R15): competitors' contracts and the notice before they end, reminders of planned
 * activities, stalled deals and overdue requests as notices, plugged-in rules, the inbox, the
 * e-mail channel, templates, and delivery exactly once per recipient and channel when two workers
 * (two threads, or two nodes on one database) run the due work at the same time, also after a
 * worker crashed holding claims.
 */
public abstract class NotificationContract extends ContractBase {
    private static final Duration DAY = Duration.ofDays(1);

    private final List<Crm> nodes = new ArrayList<>();
    private final List<MailMessage> mails = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(Crm::close);
    }

    /** A CRM on a fresh store with the test's team and clock, configured further by the test. */
    private Crm node(UnaryOperator<Crm.Builder> config) {
        Crm node = config.apply(fixture().freshStore(Crm.builder()).userDirectory(directory).userCacheTtl(Duration.ZERO)
                .clock(clock).listener(delivered::add).discoverPlugins(false)).build();
        nodes.add(node);
        return node;
    }

    /**
     * A second application node on the first one's database, configured as the test says; on the
     * in-memory store, which no two CRMs share, the first node itself (run from two threads).
     */
    private Crm secondNode(Crm first, UnaryOperator<Crm.Builder> config) {
        if (fixture().counter() == null) {
            return first;
        }
        Crm node = config.apply(Crm.builder().store("jpa").dataSource(fixture().counter().dataSource())
                .userDirectory(directory).userCacheTtl(Duration.ZERO).clock(clock).discoverPlugins(false)).build();
        nodes.add(node);
        return node;
    }

    private static LocalDate today() {
        return LocalDate.of(2026, 3, 2);
    }

    private List<Notice> inbox(Crm on, String user) {
        return on.as(user).inbox().list(null, 500).items();
    }

    // ---- competitors' contracts

    @Test
    void competitorContracts_areAddedListedAndRemoved_underTheCustomersNeedToKnow() {
        Customer acme = companyOf(SAM, "ACME");
        CompetitorContract hosting = customersOf(SAM).addCompetitorContract(acme.id(),
                NewCompetitorContract.of(" Rival AG ", today().plusDays(200)).product("ERP hosting").note("  "));
        CompetitorContract support = customersOf(MIA).addCompetitorContract(acme.id(),
                NewCompetitorContract.of("Other Ltd", today().plusDays(30)));

        assertThat(hosting.supplier()).isEqualTo("Rival AG");
        assertThat(hosting.productName()).contains("ERP hosting");
        assertThat(hosting.noteText()).isEmpty();
        assertThat(hosting.createdBy()).isEqualTo("sam");
        assertThat(customersOf(CARL).competitorContracts(acme.id())).extracting(CompetitorContract::id)
                .containsExactly(support.id(), hosting.id());
        assertThatThrownBy(() -> customersOf(PIA).competitorContracts(acme.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customersOf(OTTO).addCompetitorContract(acme.id(),
                NewCompetitorContract.of("Rival AG", today()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customersOf(PIA).removeCompetitorContract(hosting.id()))
                .isInstanceOf(AccessDeniedException.class);

        customersOf(SAM).removeCompetitorContract(hosting.id());

        assertThat(customersOf(SAM).competitorContracts(acme.id())).extracting(CompetitorContract::id)
                .containsExactly(support.id());
        assertThatThrownBy(() -> customersOf(SAM).removeCompetitorContract(hosting.id()))
                .isInstanceOf(NotFoundException.class);
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().startsWith("competitor-contract."))
                .extracting(DomainEvent::type, e -> e.get("supplier"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventTypes.COMPETITOR_CONTRACT_ADDED, "Rival AG"),
                        org.assertj.core.groups.Tuple.tuple(EventTypes.COMPETITOR_CONTRACT_ADDED, "Other Ltd"),
                        org.assertj.core.groups.Tuple.tuple(EventTypes.COMPETITOR_CONTRACT_REMOVED, "Rival AG"));
    }

    @Test
    void competitorContract_withoutSupplierAndEndDate_isRefusedListingBoth() {
        Customer acme = companyOf(SAM, "ACME");

        assertThatThrownBy(() -> customersOf(SAM).addCompetitorContract(acme.id(),
                NewCompetitorContract.of(" ", null).product("x".repeat(201))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field, ValidationException.Violation::rule)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("supplier", "NotBlank"),
                                org.assertj.core.groups.Tuple.tuple("endsOn", "NotNull"),
                                org.assertj.core.groups.Tuple.tuple("product", "Size")));
        assertThat(customersOf(SAM).competitorContracts(acme.id())).isEmpty();
    }

    @Test
    void competitorContract_isAnnouncedToTheCustomersOwner_ninetyDaysBeforeItEnds_once() {
        Customer acme = companyOf(SAM, "ACME");
        customersOf(SAM).addCompetitorContract(acme.id(), NewCompetitorContract.of("Rival AG",
                today().plusDays(100)).product("ERP hosting"));

        assertThat(crm.runDueWork().noticesCreated()).isZero();
        clock.advance(DAY.multipliedBy(10));
        DueWorkReport report = crm.runDueWork();

        assertThat(report.noticesCreated()).isEqualTo(1);
        assertThat(report.sent("inbox")).isEqualTo(1);
        List<Notice> samsInbox = inbox(crm, "sam");
        assertThat(samsInbox).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKinds.COMPETITOR_CONTRACT);
            assertThat(n.subject()).isEqualTo("ACME: the contract with Rival AG ends on 2026-06-10");
            assertThat(n.body()).contains("in 90 days").contains("Product: ERP hosting");
            assertThat(n.customer()).contains(acme.id().value());
            assertThat(n.isRead()).isFalse();
        });
        assertThat(inbox(crm, "mia")).isEmpty();
        clock.advance(DAY);
        assertThat(crm.runDueWork().noticesCreated()).isZero();
        assertThat(inbox(crm, "sam")).hasSize(1);
    }

    @Test
    void competitorContractNoticeDays_areConfigurable() {
        Crm node = node(b -> b.competitorContractNoticeDays(30));
        Customer acme = node.as(SAM).customers().create(org.crm4j.customer.NewCustomer.company("ACME"));
        node.as(SAM).customers().addCompetitorContract(acme.id(), NewCompetitorContract.of("Rival AG",
                today().plusDays(31)));

        assertThat(node.runDueWork().noticesCreated()).isZero();
        clock.advance(DAY);
        assertThat(node.runDueWork().noticesCreated()).isEqualTo(1);
    }

    // ---- renewals of services (R15)

    @Test
    void serviceRenewal_isAnnouncedToTheCustomersOwner_thirtyDaysBeforeNoticeIsDue_oncePerTerm() {
        Customer acme = companyOf(SAM, "ACME");
        // ends in 130 days with 90 days' notice: notice can be given until day 40, talks are due from day 10
        ServiceContract hosting = as(SAM).sales().addService(acme.id(), NewServiceContract.of("HOST-M",
                "Managed hosting M", today().minusYears(1), BillingPeriod.MONTH, Money.of("450", "EUR"))
                .endsOn(today().plusDays(130)).noticeDays(90).salesperson("pia"));
        // open-ended, cancelled, or without enough time left: no notice
        as(SAM).sales().addService(acme.id(), NewServiceContract.of("SUP", "Support", today(), BillingPeriod.YEAR,
                Money.of("1200", "EUR")));
        ServiceContract cancelled = as(SAM).sales().addService(acme.id(), NewServiceContract.of("BAK", "Backup",
                today(), BillingPeriod.MONTH, Money.of("20", "EUR")).endsOn(today().plusDays(20)));
        as(SAM).sales().cancelService(cancelled.id(), "not needed", today());

        clock.advance(DAY.multipliedBy(9));
        assertThat(crm.runDueWork().noticesCreated()).isZero();
        clock.advance(DAY);
        assertThat(crm.runDueWork().noticesCreated()).isEqualTo(1);

        assertThat(inbox(crm, "sam")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKinds.SERVICE_RENEWAL);
            assertThat(n.subject()).isEqualTo("ACME: time to talk about renewing Managed hosting M, ending on 2026-07-10");
            assertThat(n.body()).contains("Notice can be given until 2026-04-11, in 30 days");
            assertThat(n.customer()).contains(acme.id().value());
        });
        // the customer's owner gets it, not the salesperson; and only once for the term
        assertThat(inbox(crm, "pia")).isEmpty();
        clock.advance(DAY);
        assertThat(crm.runDueWork().noticesCreated()).isZero();

        // renewed for another year: the new term is announced in its time, once
        ServiceContract renewed = as(SAM).sales().renewService(hosting.id(), LocalDate.of(2027, 7, 10));
        assertThat(renewed.endsOn()).isEqualTo(LocalDate.of(2027, 7, 10));
        assertThat(crm.runDueWork().noticesCreated()).isZero();
        clock.advance(DAY.multipliedBy(365));
        assertThat(crm.runDueWork().noticesCreated()).isEqualTo(1);
        assertThat(inbox(crm, "sam")).hasSize(2).first().extracting(Notice::subject)
                .isEqualTo("ACME: time to talk about renewing Managed hosting M, ending on 2027-07-10");
        assertThat(crm.runDueWork().noticesCreated()).isZero();
    }

    @Test
    void serviceRenewalDays_areConfigurable_crmWideAndPerProduct() {
        Crm node = node(b -> b.renewalNoticeDays(10).renewalNoticeDays("LIC", 60));
        Customer acme = node.as(SAM).customers().create(org.crm4j.customer.NewCustomer.company("ACME"));
        // both can be given notice until day 70: the licence's talks are due from day 10, hosting's from day 60
        node.as(SAM).sales().addService(acme.id(), NewServiceContract.of("LIC", "Licence", today(),
                BillingPeriod.YEAR, Money.of("99", "EUR")).endsOn(today().plusDays(70)));
        node.as(SAM).sales().addService(acme.id(), NewServiceContract.of("HOST", "Hosting", today(),
                BillingPeriod.YEAR, Money.of("99", "EUR")).endsOn(today().plusDays(70)));

        clock.advance(DAY.multipliedBy(10));
        assertThat(node.runDueWork().noticesCreated()).isEqualTo(1);
        assertThat(inbox(node, "sam")).singleElement().extracting(Notice::subject).asString().contains("Licence");
        clock.advance(DAY.multipliedBy(49));
        assertThat(node.runDueWork().noticesCreated()).isZero();
        clock.advance(DAY);
        assertThat(node.runDueWork().noticesCreated()).isEqualTo(1);

        assertThatThrownBy(() -> Crm.builder().renewalNoticeDays(-1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Crm.builder().renewalNoticeDays("LIC", 5).renewalNoticeDays("LIC", 6))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aServiceIsRenewedOnlyForALaterEnd_andNotWhenCancelledOrOpenEnded() {
        Customer acme = companyOf(SAM, "ACME");
        ServiceContract s = as(SAM).sales().addService(acme.id(), NewServiceContract.of("HOST", "Hosting", today(),
                BillingPeriod.YEAR, Money.of("99", "EUR")).endsOn(today().plusDays(70)));
        ServiceContract open = as(SAM).sales().addService(acme.id(), NewServiceContract.of("SUP", "Support", today(),
                BillingPeriod.YEAR, Money.of("99", "EUR")));

        assertThatThrownBy(() -> as(SAM).sales().renewService(s.id(), today().plusDays(70)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::rule).containsExactly("After"));
        assertThatThrownBy(() -> as(SAM).sales().renewService(open.id(), today().plusDays(70)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("open-ended");
        assertThatThrownBy(() -> as(PIA).sales().renewService(s.id(), today().plusDays(400)))
                .isInstanceOf(org.crm4j.AccessDeniedException.class);
        as(SAM).sales().cancelService(s.id(), "moved", today());
        assertThatThrownBy(() -> as(SAM).sales().renewService(s.id(), today().plusDays(400)))
                .isInstanceOf(org.crm4j.ConflictException.class);
    }

    // ---- reminders

    @Test
    void reminder_ofAPlannedMeeting_goesToItsOwnerAndColleagues_whenDue() {
        Customer acme = companyOf(SAM, "ACME");
        Instant start = clock.instant().plus(DAY.multipliedBy(2));
        Activity meeting = as(SAM).activities().log(NewActivity.meeting(acme.id()).planned()
                .at(start, Duration.ofHours(1)).colleagues("pia").remindBefore(DAY));

        assertThat(as(SAM).activities().reminder(meeting.id())).contains(start.minus(DAY));
        assertThat(crm.runDueWork().noticesCreated()).isZero();
        clock.advance(DAY);
        DueWorkReport report = crm.runDueWork();

        assertThat(report.noticesCreated()).isEqualTo(2);
        assertThat(inbox(crm, "sam")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKinds.REMINDER);
            assertThat(n.subject()).isEqualTo("Reminder: MEETING with ACME at " + start);
            assertThat(n.body()).startsWith("Hello sam,");
        });
        assertThat(inbox(crm, "pia")).singleElement().satisfies(n -> assertThat(n.body()).startsWith("Hello pia,"));
        assertThat(crm.runDueWork().noticesCreated()).isZero();
    }

    @Test
    void reminder_isNotSentForACompletedActivity_andAMovedOneIsSentAgain() {
        Customer acme = companyOf(SAM, "ACME");
        Instant start = clock.instant().plus(DAY);
        Activity call = as(SAM).activities().log(NewActivity.task(acme.id()).planned().at(start, Duration.ZERO)
                .remindAt(start.minus(Duration.ofHours(1))));
        Activity done = as(SAM).activities().log(NewActivity.task(acme.id()).planned().at(start, Duration.ZERO)
                .remindAt(start.minus(Duration.ofHours(1))));
        as(SAM).activities().complete(done.id(), "done early");

        clock.advance(DAY);
        assertThat(crm.runDueWork().noticesCreated()).isEqualTo(1);
        as(SAM).activities().remind(call.id(), clock.instant().plus(Duration.ofHours(2)));
        assertThat(crm.runDueWork().noticesCreated()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(crm.runDueWork().noticesCreated()).isEqualTo(1);
        assertThat(inbox(crm, "sam")).hasSize(2);

        as(SAM).activities().remind(call.id(), null);
        assertThat(as(SAM).activities().reminder(call.id())).isEmpty();
    }

    @Test
    void reminder_onAnActivityThatIsDone_isRefused() {
        Customer acme = companyOf(SAM, "ACME");
        assertThatThrownBy(() -> as(SAM).activities().log(NewActivity.call(acme.id(),
                org.crm4j.activity.CallDirection.OUTBOUND).remindAt(clock.instant())))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).rule()).isEqualTo("Planned"));
        Activity done = as(SAM).activities().log(NewActivity.note(acme.id()));
        assertThatThrownBy(() -> as(SAM).activities().remind(done.id(), clock.instant()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> as(PIA).activities().reminder(done.id())).isInstanceOf(AccessDeniedException.class);
    }

    // ---- events as notices

    @Test
    void stalledDeal_becomesANoticeToTheDealsOwner_whenDueWorkDetectsIt() {
        Crm node = node(b -> b.stallDetection(StallCriteria.idleFor(14).build()));
        Pipeline pipeline = node.as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
        Customer acme = node.as(MIA).customers().create(org.crm4j.customer.NewCustomer.company("ACME").owner("sam"));
        Opportunity deal = node.as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "CNC line", pipeline.id())
                .expectedClose(LocalDate.of(2026, 6, 30)));

        clock.advance(DAY.multipliedBy(15));
        DueWorkReport report = node.runDueWork();

        assertThat(report.stalls().flagged()).isEqualTo(1);
        assertThat(report.noticesCreated()).isEqualTo(1);
        assertThat(inbox(node, "sam")).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NoticeKinds.OPPORTUNITY_STALLED);
            assertThat(n.key()).startsWith("stalled:" + deal.id().value() + ":");
            assertThat(n.subject()).isEqualTo("Deal stalled: CNC line");
            assertThat(n.body()).contains("no activity for 15 days");
        });
        assertThat(inbox(node, "mia")).isEmpty();
        // delivered again (at least once): no second notice
        assertThat(node.runDueWork().noticesCreated()).isZero();
    }

    @Test
    void requestOverdueEvent_becomesANoticeToItsRecipient_once() {
        CrmStore beside = fixture().openBeside(clock);
        assumeThat(beside).as("an event is written to the database beside the CRM").isNotNull();
        Customer acme = companyOf(SAM, "ACME");
        Map<String, String> data = Map.of("request", "7", "level", "2", "recipient", "mia",
                "due", "2026-03-01T12:00:00Z");
        DomainEvent overdue = new DomainEvent(UUID.randomUUID(), "request.overdue", "request", 7L, acme.id().value(),
                "crm4j", clock.instant(), data);
        DomainEvent again = new DomainEvent(UUID.randomUUID(), "request.overdue", "request", 7L, acme.id().value(),
                "crm4j", clock.instant(), data);
        try (beside) {
            beside.inTransaction(tx -> {
                tx.store(EventStore.class).append(List.of(overdue, again));   // raised twice, as an escalation on two nodes may
                return null;
            });
        }

        DueWorkReport report = crm.runDueWork();

        assertThat(report.noticesCreated()).isEqualTo(1);
        assertThat(inbox(crm, "mia")).singleElement().satisfies(n -> {
            assertThat(n.key()).isEqualTo("request-overdue:7:2");
            assertThat(n.subject()).isEqualTo("Request 7 is overdue (level 2)");
            assertThat(n.body()).contains("due at 2026-03-01T12:00:00Z");
        });
    }

    // ---- plugged-in rules, recipients, templates

    /** A renewal rule as a later issue on services would plug in: one notice per customer tagged "renewal". */
    private static final class RenewalRule implements NoticeRule {
        private final List<Long> customers;

        RenewalRule(List<Long> customers) {
            this.customers = customers;
        }

        @Override
        public String id() {
            return "test.service-renewal";
        }

        @Override
        public String kind() {
            return "service-renewal";
        }

        @Override
        public Set<String> placeholders() {
            return Set.of("customerName", "endsOn");
        }

        @Override
        public NoticeTemplate defaultTemplate() {
            return NoticeTemplate.of("Renewal talks with {{customerName}}", "The service ends on {{endsOn}}.");
        }

        @Override
        public List<DueNotice> due(NoticeRuleContext context) {
            List<DueNotice> due = new ArrayList<>();
            for (long id : customers) {
                context.store().store(CustomerStore.class).find(id, Visibility.everything()).ifPresent(c -> due.add(new DueNotice(
                        "renewal:" + id + ":2026-09-30", "service-renewal", c.ownerId(), id,
                        Map.of("customerName", c.name(), "endsOn", LocalDate.ofInstant(context.now(), context.zone())
                                .plusDays(90).toString()))));
            }
            return due;
        }
    }

    @Test
    void pluggedInRule_fromAPlugin_makesNoticesFromTheStore() {
        List<Long> renewals = new CopyOnWriteArrayList<>();
        Crm node = node(b -> b.plugin(new CrmPlugin() {
            @Override
            public String id() {
                return "test.renewals";
            }

            @Override
            public void register(PluginContext context) {
                context.addNoticeRule(new RenewalRule(renewals));
            }
        }));
        Customer acme = node.as(SAM).customers().create(org.crm4j.customer.NewCustomer.company("ACME"));
        renewals.add(acme.id().value());

        node.runDueWork();
        node.runDueWork();

        assertThat(inbox(node, "sam")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Renewal talks with ACME");
            assertThat(n.body()).isEqualTo("The service ends on 2026-05-31.");
            assertThat(n.values()).containsEntry("recipient", "sam");
        });
    }

    @Test
    void noticesGoToEmployeesOnly_aRecipientTheDirectoryDoesNotKnowGetsNothing() {
        Crm node = node(b -> b.noticeRule(rule("test.strangers", "stranger", c -> List.of(
                new DueNotice("k:1", "stranger", "customer@example.com", null, Map.of()),
                new DueNotice("k:1", "stranger", "sam", null, Map.of())))));

        DueWorkReport report = node.runDueWork();

        assertThat(report.noticesCreated()).isEqualTo(1);
        assertThat(report.noticesUnaddressed()).isEqualTo(1);
        assertThat(inbox(node, "sam")).hasSize(1);
    }

    @Test
    void hostTemplate_withAnUnknownPlaceholder_failsTheBuildNamingIt() {
        assertThatThrownBy(() -> node(b -> b.noticeTemplate(NoticeKinds.COMPETITOR_CONTRACT,
                NoticeTemplate.of("{{supplier}} ends", "Ends on {{endDate}}."))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).rule()).isEqualTo("UnknownPlaceholder");
                    assertThat(e.violations().get(0).message()).contains("'endDate'")
                            .contains("competitor-contract.body");
                });
        assertThatThrownBy(() -> node(b -> b.noticeTemplate("no-such-kind", NoticeTemplate.of("a", "b"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).rule()).isEqualTo("KnownKind"));
    }

    @Test
    void hostTemplate_replacesTheBuiltInOne() {
        Crm node = node(b -> b.noticeTemplate(NoticeKinds.COMPETITOR_CONTRACT,
                NoticeTemplate.of("{{supplier}} leaves {{customerName}}", "On {{endsOn}}, {{recipientName}}.")));
        Customer acme = node.as(SAM).customers().create(org.crm4j.customer.NewCustomer.company("ACME"));
        node.as(SAM).customers().addCompetitorContract(acme.id(), NewCompetitorContract.of("Rival AG",
                today().plusDays(5)));

        node.runDueWork();

        assertThat(inbox(node, "sam")).singleElement().satisfies(n -> {
            assertThat(n.subject()).isEqualTo("Rival AG leaves ACME");
            assertThat(n.body()).isEqualTo("On 2026-03-07, sam.");
        });
    }

    // ---- channels

    @Test
    void emailChannel_handsTheRenderedNoticeToTheHostsSender_andCountsRecipientsWithoutAddress() {
        directory.add(new DirectoryUser("sam", "Sam Seller", Set.of(), "mia", EmailAddress.of("sam@example.com")));
        Crm node = node(b -> b.mailSender(mails::add));
        Customer acme = node.as(SAM).customers().create(org.crm4j.customer.NewCustomer.company("ACME"));
        node.as(SAM).activities().log(NewActivity.meeting(acme.id()).planned()
                .at(clock.instant().plus(Duration.ofHours(1)), Duration.ofHours(1)).colleagues("pia")
                .remindBefore(Duration.ofHours(1)));

        DueWorkReport report = node.runDueWork();

        assertThat(report.sent("email")).isEqualTo(1);
        assertThat(report.unreachable("email")).isEqualTo(1);
        assertThat(report.sent("inbox")).isEqualTo(2);
        assertThat(mails).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo("sam@example.com");
            assertThat(m.toName()).isEqualTo("Sam Seller");
            assertThat(m.subject()).startsWith("Reminder: MEETING with ACME");
            assertThat(m.text()).startsWith("Hello Sam Seller,");
            assertThat(m.messageId()).isEqualTo("notice-" + inbox(node, "sam").get(0).id() + "@crm4j");
        });
        assertThat(node.runDueWork().sent("email")).isZero();
        assertThat(mails).hasSize(1);
    }

    @Test
    void failingChannel_isTriedAgainLater_andRaisesNoticeSentOnlyWhenDelivered() {
        AtomicInteger calls = new AtomicInteger();
        NotificationChannel flaky = channel("flaky", n -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("chat service down");
            }
        });
        Crm node = node(b -> b.notificationChannel(flaky).noticeRule(rule("test.one", "one",
                c -> List.of(new DueNotice("one:1", "one", "sam", null, Map.of())))));

        DueWorkReport first = node.runDueWork();
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.sent("inbox")).isEqualTo(1);
        assertThat(node.runDueWork().sent("flaky")).isZero();   // waits before it is tried again
        clock.advance(Duration.ofMinutes(2));
        assertThat(node.runDueWork().sent("flaky")).isEqualTo(1);
        assertThat(calls).hasValue(2);

        node.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.NOTICE_SENT))
                .extracting(e -> e.get("channel")).containsExactlyInAnyOrder("inbox", "flaky");
    }

    // ---- the inbox

    @Test
    void inbox_listsOnesOwnNotices_latestFirst_inPages_withTheUnreadCount() {
        List<DueNotice> due = new ArrayList<>();
        IntStream.range(0, 7).forEach(i -> due.add(new DueNotice("n:" + i, "plain", i % 2 == 0 ? "sam" : "pia", null,
                Map.of("text", "number " + i))));
        Crm node = node(b -> b.noticeRule(rule("test.plain", "plain", c -> due)));
        node.runDueWork();

        var inbox = node.as(SAM).inbox();
        Page<Notice> first = inbox.list(null, 3);
        Page<Notice> second = inbox.list(first.nextPageToken(), 3);
        assertThat(first.items()).extracting(Notice::key).containsExactly("n:6", "n:4", "n:2");
        assertThat(second.items()).extracting(Notice::key).containsExactly("n:0");
        assertThat(second.hasNext()).isFalse();
        assertThat(inbox.unreadCount()).isEqualTo(4);

        Notice read = inbox.markRead(first.items().get(1).id());
        assertThat(read.isRead()).isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(inbox.markRead(read.id()).readAt()).isEqualTo(read.readAt());
        assertThat(inbox.unreadCount()).isEqualTo(3);
        assertThat(inbox.markUnread(read.id()).isRead()).isFalse();
        assertThat(inbox.unreadCount()).isEqualTo(4);

        Notice pias = node.as(PIA).inbox().list(null, 10).items().get(0);
        assertThatThrownBy(() -> inbox.markRead(pias.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> inbox.get(pias.id())).isInstanceOf(NotFoundException.class);
        assertThat(node.as(MIA).inbox().unreadCount()).isZero();
        assertThatThrownBy(() -> inbox.list("bogus", 3)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> inbox.list(null, 0)).isInstanceOf(ValidationException.class);
    }

    // ---- exactly once

    private static final int MANY = 240;

    /** Counts deliveries per notice, across nodes. */
    private final Map<Long, AtomicInteger> counted = new ConcurrentHashMap<>();

    private NotificationChannel counting() {
        return channel("counting", n -> {
            counted.computeIfAbsent(n.id().value(), id -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(1);
        });
    }

    private UnaryOperator<Crm.Builder> loaded(NotificationChannel channel) {
        List<DueNotice> due = new ArrayList<>();
        String[] recipients = {"sam", "pia", "mia"};
        IntStream.range(0, MANY).forEach(i -> due.add(new DueNotice("load:" + (i / 3), "plain", recipients[i % 3], null,
                Map.of("text", "number " + i))));
        return b -> b.notificationChannel(channel).mailSender(mails::add).noticeRule(rule("test.load", "plain", c -> due));
    }

    @Test
    void twoWorkersAtOnce_deliverEveryNoticeExactlyOncePerRecipientAndChannel() throws Exception {
        for (String user : List.of("sam", "pia", "mia")) {
            directory.add(new DirectoryUser(user, user, Set.of(), directory.find(user).orElseThrow().superiorId(),
                    EmailAddress.of(user + "@example.com")));
        }
        Crm first = node(loaded(counting()));
        Crm second = secondNode(first, loaded(counting()));
        List<DueWorkReport> reports = new CopyOnWriteArrayList<>();

        List<String> outcomes = inParallel(() -> reports.add(first.runDueWork()), () -> reports.add(second.runDueWork()));
        reports.add(first.runDueWork());
        reports.add(second.runDueWork());

        assertThat(outcomes).containsOnly("done");
        assertThat(reports.stream().mapToInt(DueWorkReport::noticesCreated).sum()).isEqualTo(MANY);
        assertThat(reports.stream().mapToInt(r -> r.sent("counting")).sum()).isEqualTo(MANY);
        assertThat(reports.stream().mapToInt(r -> r.sent("inbox")).sum()).isEqualTo(MANY);
        assertThat(reports.stream().mapToInt(r -> r.sent("email")).sum()).isEqualTo(MANY);
        assertThat(counted).hasSize(MANY);
        assertThat(counted.values()).allSatisfy(c -> assertThat(c).hasValue(1));
        assertThat(mails).hasSize(MANY);
        assertThat(mails.stream().map(MailMessage::messageId).distinct()).hasSize(MANY);
        Map<String, Integer> perUser = new HashMap<>();
        for (String user : List.of("sam", "pia", "mia")) {
            perUser.put(user, inbox(first, user).size());
        }
        assertThat(perUser).containsEntry("sam", MANY / 3).containsEntry("pia", MANY / 3).containsEntry("mia", MANY / 3);
    }

    /**
     * A worker that dies while delivering: it leaves its claims behind. A virtual machine error (as
     * when the JVM runs out of memory), the one kind of failure the due work does not survive.
     */
    private static final class Crash extends VirtualMachineError {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("the node went down");
        }
    }

    @Test
    void claimsOfACrashedWorker_areTakenOverWhenTheirLeaseEnds() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
        NotificationChannel counting = counting();
        NotificationChannel crashingOnce = channel("counting", n -> {
            if (down.get()) {
                throw new Crash();
            }
            counting.deliver(n, null);
        });
        Crm crashed = node(b -> loaded(crashingOnce).apply(b).noticeLease(Duration.ofMinutes(5)));
        Crm survivor = secondNode(crashed, loaded(crashingOnce));

        assertThatThrownBy(crashed::runDueWork).isInstanceOf(Crash.class);
        down.set(false);
        DueWorkReport during = survivor.runDueWork();
        clock.advance(Duration.ofMinutes(6));
        DueWorkReport after = survivor.runDueWork();
        DueWorkReport later = survivor.runDueWork();

        int heldByTheCrashed = MANY - during.sent("counting");
        assertThat(heldByTheCrashed).isPositive();
        assertThat(after.sent("counting")).isEqualTo(heldByTheCrashed);
        assertThat(later.sent("counting")).isZero();
        assertThat(counted).hasSize(MANY);
        assertThat(counted.values()).allSatisfy(c -> assertThat(c).hasValue(1));
        assertThat(inbox(survivor, "sam")).hasSize(MANY / 3);
    }

    @Test
    void aDeliveryThatOutlivesItsLease_isMadeAgainByAnotherWorker_withTheSameNoticeId() throws Exception {
        java.util.concurrent.CountDownLatch inChannel = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        List<Long> deliveredIds = new CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean slow = new java.util.concurrent.atomic.AtomicBoolean(true);
        NotificationChannel slowOnce = channel("slow", n -> {
            deliveredIds.add(n.id().value());
            if (slow.getAndSet(false)) {
                inChannel.countDown();
                release.await();   // the channel works on while the lease runs out
            }
        });
        UnaryOperator<Crm.Builder> config = b -> b.notificationChannel(slowOnce).noticeLease(Duration.ofMinutes(5))
                .noticeRule(rule("test.one", "one", c -> List.of(new DueNotice("one:1", "one", "sam", null, Map.of()))));
        Crm first = node(config);
        Crm second = secondNode(first, config);

        java.util.concurrent.Future<DueWorkReport> slowRun = java.util.concurrent.Executors.newSingleThreadExecutor()
                .submit(first::runDueWork);
        assertThat(inChannel.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        clock.advance(Duration.ofMinutes(6));
        DueWorkReport takenOver = second.runDueWork();
        release.countDown();
        DueWorkReport late = slowRun.get(20, java.util.concurrent.TimeUnit.SECONDS);

        // at least once: the channel was handed the notice twice, both times with its one id
        assertThat(deliveredIds).hasSize(2).containsOnly(deliveredIds.get(0));
        assertThat(takenOver.sent("slow")).isEqualTo(1);
        assertThat(late.sent("slow")).as("the late outcome is not counted; CRM-NTF-004 says why").isZero();
        assertThat(second.runDueWork().sent("slow")).isZero();
    }

    // ---- cost

    @Test
    void statements_ofDueWorkAndTheInbox_areBounded() {
        assumeThat(fixture().counter()).as("only stores that speak SQL count statements").isNotNull();
        List<DueNotice> due = new ArrayList<>();
        Crm node = node(b -> b.noticeRule(rule("test.plain", "plain", c -> due)));
        var counter = fixture().counter();

        counter.reset();
        node.runDueWork();
        long idle = counter.statements();

        IntStream.range(0, 60).forEach(i -> due.add(new DueNotice("n:" + i, "plain", "sam", null,
                Map.of("text", "number " + i))));
        counter.reset();
        DueWorkReport report = node.runDueWork();
        long sixty = counter.statements();

        counter.reset();
        node.as(SAM).inbox().list(null, 20);
        long page = counter.statements();
        counter.reset();
        node.as(SAM).inbox().unreadCount();
        long unread = counter.statements();

        assertThat(report.sent("inbox")).isEqualTo(60);
        // nothing due: the three built-in rules' selects (reminders, competitors' contracts, renewals
        // of services), the overdue requests', the outbox's, one claim
        assertThat(idle).isLessThanOrEqualTo(6);
        // 60 notices made in batches and delivered in one claimed batch (about 24 statements), plus
        // the outbox's one sequence value per notice.sent event
        assertThat(sixty - 60).isLessThanOrEqualTo(26);
        assertThat(page).isEqualTo(1);
        assertThat(unread).isEqualTo(1);
    }

    // ---- the built-in scheduler

    @Test
    void builtInScheduler_runsTheDueWork_untilClosed() throws Exception {
        Crm node = node(b -> b.runDueWorkEvery(Duration.ofSeconds(1)).noticeRule(rule("test.one", "one",
                c -> List.of(new DueNotice("one:1", "one", "sam", null, Map.of())))));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (inbox(node, "sam").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(inbox(node, "sam")).hasSize(1);
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("crm4j-due-work"));
        node.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("crm4j-due-work")
                && t.isAlive());
    }

    @Test
    void aRuleThatThrowsAnError_andOneThatFailsEveryRun_stopNeitherTheOtherRulesNorTheSchedule() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        Crm node = node(b -> b.runDueWorkEvery(Duration.ofSeconds(1))
                .noticeRule(rule("test.linkage", "one", c -> {
                    throw new NoClassDefFoundError("org/example/RemovedFromThePlugin");
                }))
                .noticeRule(rule("test.always", "one", c -> {
                    throw new IllegalStateException("fails at every run");
                }))
                .noticeRule(rule("test.counting", "one", c -> List.of(new DueNotice("one:" + asked.incrementAndGet(),
                        "one", "sam", null, Map.of())))));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (asked.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(asked.get()).as("runs of the schedule after the failing rules").isGreaterThanOrEqualTo(3);
        assertThat(inbox(node, "sam")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aStepThatFails_isNamedInTheReport_andTheLaterStepsStillRun() {
        assumeThat(fixture().counter()).as("the fault is injected into the store's SQL").isNotNull();
        Crm node = node(b -> b.noticeRule(rule("test.one", "one",
                c -> List.of(new DueNotice("one:1", "one", "sam", null, Map.of())))));
        CountingDataSource db = fixture().counter();   // the node's database
        node.as(SAM).customers().create(org.crm4j.customer.NewCustomer.company("ACME"));
        db.failWhen(sql -> sql.contains("crm_request"));

        DueWorkReport report = node.runDueWork();

        assertThat(report.failedSteps()).containsExactly("escalation");
        assertThat(report.noticesCreated()).as("the rules ran before").isEqualTo(1);
        assertThat(report.events().delivered()).as("the outbox was delivered after").isPositive();
        assertThat(report.sent("inbox")).as("and the notices").isEqualTo(1);
        db.clearFaults();
        assertThat(node.runDueWork().failedSteps()).isEmpty();
    }

    @Test
    void aChannelThatThrowsAnError_failsOnlyThatDelivery_whichIsTriedAgain() {
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        Crm node = node(b -> b.notificationChannel(channel("broken", n -> {
            if (broken.get()) {
                throw new NoClassDefFoundError("org/example/MissingMailLibrary");
            }
        })).noticeRule(rule("test.one", "one", c -> List.of(new DueNotice("one:1", "one", "sam", null, Map.of())))));

        DueWorkReport first = node.runDueWork();
        broken.set(false);
        clock.advance(Duration.ofHours(1));
        DueWorkReport second = node.runDueWork();

        assertThat(first.failedSteps()).isEmpty();
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.sent("inbox")).isEqualTo(1);
        assertThat(second.sent("broken")).isEqualTo(1);
    }

    // ---- helpers

    private interface Delivery {
        void deliver(Notice notice) throws Exception;
    }

    private static NotificationChannel channel(String id, Delivery delivery) {
        return new NotificationChannel() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Outcome deliver(Notice notice, DirectoryUser recipient) throws Exception {
                delivery.deliver(notice);
                return Outcome.DELIVERED;
            }
        };
    }

    private static NoticeRule rule(String id, String kind, java.util.function.Function<NoticeRuleContext,
            List<DueNotice>> due) {
        return new NoticeRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Set<String> placeholders() {
                return kind.equals("plain") ? Set.of("text") : Set.of();
            }

            @Override
            public NoticeTemplate defaultTemplate() {
                return kind.equals("plain") ? NoticeTemplate.of("{{text}}", "{{text}} for {{recipientName}}")
                        : NoticeTemplate.of(kind, "for {{recipient}}");
            }

            @Override
            public List<DueNotice> due(NoticeRuleContext context) {
                return due.apply(context);
            }
        };
    }
}
