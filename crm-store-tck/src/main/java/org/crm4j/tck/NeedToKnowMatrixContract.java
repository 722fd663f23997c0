package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.crm4j.AccessDeniedException;
import org.crm4j.ActorScope;
import org.crm4j.Crm;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityId;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.CallDirection;
import org.crm4j.activity.NewActivity;
import org.crm4j.activity.NewRequest;
import org.crm4j.activity.ScheduleQuery;
import org.crm4j.activity.ServiceStandard;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.CampaignId;
import org.crm4j.campaign.CostEntry;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.CustomerCard;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.CustomerSummary;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Note;
import org.crm4j.customer.Purpose;
import org.crm4j.customer.RoleCodes;
import org.crm4j.event.DomainEvent;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportRow;
import org.crm4j.lead.Conversion;
import org.crm4j.lead.Lead;
import org.crm4j.lead.LeadId;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.NewLead;
import org.crm4j.lead.Prospect;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.MailingId;
import org.crm4j.mailing.MailingReport;
import org.crm4j.mailing.NewMailing;
import org.crm4j.notify.Notice;
import org.crm4j.notify.NoticeId;
import org.crm4j.pipeline.DecisionRole;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.OfferAddressee;
import org.crm4j.pipeline.OfferId;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.PipelineView;
import org.crm4j.pipeline.Stage;
import org.crm4j.reports.CampaignResult;
import org.crm4j.reports.CampaignResultRow;
import org.crm4j.reports.CampaignResults;
import org.crm4j.reports.CashFlow;
import org.crm4j.reports.CashFlowForecast;
import org.crm4j.reports.FirstContactReport;
import org.crm4j.reports.document.OfferDocuments;
import org.crm4j.reports.imports.CsvCustomerSource;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Need-to-know as one table: every read and write path × every kind of actor, each cell its own
 * test named {@code path | actor -> expectation}, asserting the exact answer (what is seen, or
 * {@link AccessDeniedException}).
 *
 * <p>The rule: <em>covers(actor, user)</em> = the actor is that user, a superior of that user up
 * the reporting line, or an admin.
 * <ul>
 *   <li>A customer's basic fields (name, tax id, city, owner, status) are everyone's to find.
 *   <li>A record on a customer (deal, offer, stage history, activity, request, lead, consent,
 *       mailing recipient, notice, history entry, report row, CSV line) is visible to whoever
 *       covers the customer's owner or the record's own owner (an offer's and a stage history's
 *       owner is its deal's, a request's is its activity's).
 *   <li>Whoever covers the owner of an open record on a customer (open deal, open lead, planned
 *       activity) may read that customer's details (the customer, contacts, notes, card), read
 *       only. Writes to the customer itself stay with the customer owner's line and admins.
 *   <li>Writes on records need what reads need (the customer openable by one of the two paths).
 *   <li>Hand-over moves the open deals, open leads and planned activities to the new owner;
 *       closed records keep theirs. The former owner then sees only what they still own.
 *   <li>Invisible detail reads of a customer answer {@link AccessDeniedException}, never an
 *       empty list. Service standards are defined by admins only.
 * </ul>
 *
 * <p>The world: customer C belongs to sam (sam → mia → carl). Its deal (with an offer and a stage
 * move), planned meeting, request and open lead (with a contact attempt, which logs a done call)
 * belong to rita (rita → otto → vera), set up by the admin ada; rita and sam each recorded a
 * first call with C (rita while acting with an admin's rights, so that the set-up runs on code
 * that does not let her open C yet); sam sent a mailing to C's contact, who consented. Customer D was tom's (no
 * superior), with an open deal, a lost deal and a planned meeting, and was handed to sam by ada.
 * pia is sam's peer and owns nothing.
 *
 * <p>The store is set up once per adapter run (a fresh store per cell is too slow on PostgreSQL).
 * The read cells share one world. The writes run after every read, on worlds built for them in
 * the same store: the writes that touch separate things (a note, a contact, a job title, the
 * industry, the name, a logged call, a lead's attempts, a deal's participants, a new deal) share
 * one world per actor, in that order (a refused write leaves it as it was; the only write that
 * would let its actor open C, the new deal, comes last); the archive, the hand-over and the
 * conversion each get a world of their own, except that a world on which such a write was only
 * refused (and left unchanged, as expected) is handed on to the next refused actor.
 */
public abstract class NeedToKnowMatrixContract extends ContractBase {

    // ---- the actors

    /** Which line an actor belongs to, as seen from customer C and its records. */
    enum Line {
        /** C's owner and his superiors. */
        CUSTOMER,
        /** The owner of C's records and her superiors. */
        RECORD,
        /** An administrator. */
        ADMIN,
        /** A peer of C's owner, owning nothing on C. */
        PEER,
        /** The former owner of D, on a line of his own. */
        FORMER
    }

    /** An actor of the matrix. */
    record Who(Actor actor, Line line, String role) {
        String id() {
            return actor.id();
        }

        @Override
        public String toString() {
            return role + " (" + id() + ")";
        }
    }

    private static final Actor RITA = Actor.of("rita");
    private static final Actor VERA = Actor.of("vera");
    private static final Actor TOM = Actor.of("tom");

    static final List<Who> ACTORS = List.of(
            new Who(SAM, Line.CUSTOMER, "customer owner"),
            new Who(MIA, Line.CUSTOMER, "customer owner's superior"),
            new Who(CARL, Line.CUSTOMER, "customer owner's superior's superior"),
            new Who(RITA, Line.RECORD, "record owner"),
            new Who(OTTO, Line.RECORD, "record owner's superior"),
            new Who(VERA, Line.RECORD, "record owner's superior's superior"),
            new Who(ADA, Line.ADMIN, "admin"),
            new Who(PIA, Line.PEER, "peer of the customer owner"),
            new Who(TOM, Line.FORMER, "former owner of D"));

    // ---- outcomes and expectations

    /** The outcome of a refused call. */
    static final String DENIED = "AccessDeniedException";
    /** The outcome of a call that did not find what it asked for. */
    static final String NOT_FOUND = "NotFoundException";
    /** The outcome of a write that went through. */
    static final String DONE = "done";

    private static final Line[] CUSTOMER_LINE = {Line.CUSTOMER, Line.ADMIN};
    private static final Line[] BOTH_LINES = {Line.CUSTOMER, Line.RECORD, Line.ADMIN};

    /** What each actor is expected to get; unless said otherwise, {@link #DENIED}. */
    static final class Expect {
        private final Map<Line, Object> byLine = new EnumMap<>(Line.class);
        private final Map<String, Object> byActor = new HashMap<>();
        private Object otherwise = DENIED;

        /** The lines given get this answer. */
        Expect and(Object value, Line... lines) {
            for (Line line : lines) {
                byLine.put(line, value);
            }
            return this;
        }

        /** Every line not named gets this answer (instead of {@link #DENIED}). */
        Expect others(Object value) {
            otherwise = value;
            return this;
        }

        /** One actor gets this answer, whatever their line. */
        Expect actor(String id, Object value) {
            byActor.put(id, value);
            return this;
        }

        Object of(Who who) {
            return byActor.containsKey(who.id()) ? byActor.get(who.id())
                    : byLine.getOrDefault(who.line(), otherwise);
        }
    }

    /** @return an expectation: the lines given get the value, the others {@link #DENIED} */
    static Expect sees(Object value, Line... lines) {
        return new Expect().and(value, lines);
    }

    /** @return an expectation: everyone gets the value */
    static Expect everyone(Object value) {
        return new Expect().others(value);
    }

    /** What a cell works with. */
    record Ctx(Who who, ActorScope me, ActorScope admin, World w) {
    }

    /** A read: what the actor gets, named by the world (so the expectation can be written down). */
    @FunctionalInterface
    interface Read {
        Object read(Ctx ctx);
    }

    /**
     * One row of the table.
     *
     * @param path what is tried
     * @param data which data it works on: the shared world for a read, another one for a write
     * @param prepare what an admin does first on that world (writes only)
     * @param action the read, or the write returning its outcome
     * @param probe for a write, what an admin then finds (null for reads)
     * @param cleanup for a write, what an admin undoes after the probe (what no world holds)
     * @param expected what each actor gets: for a write, {@code outcome | probe}
     */
    record Row(String path, Data data, Consumer<Ctx> prepare, Read action, Read probe, Consumer<Ctx> cleanup,
            Expect expected) {
        boolean write() {
            return data != Data.SHARED;
        }
    }

    /** Which data a cell works on. */
    enum Data {
        /** The world every read cell shares. */
        SHARED,
        /** A world per actor, shared by the writes that touch separate things. */
        PER_ACTOR,
        /** A world of the cell's own, or one on which the same write was only refused so far. */
        OWN,
        /** None. */
        NONE
    }

    static Row read(String path, Read read, Expect expected) {
        return new Row(path, Data.SHARED, ctx -> { }, read, null, ctx -> { }, expected);
    }

    /**
     * A write that is refused with {@link AccessDeniedException} to those not allowed.
     *
     * @param allowed who may do it
     * @param after what the probe finds after it was done
     * @param unchanged what the probe finds after it was refused
     */
    static Row write(String path, Data data, Consumer<Ctx> prepare, Consumer<Ctx> attempt, Read probe,
            Line[] allowed, Object after, Object unchanged) {
        return new Row(path, data, prepare, ctx -> {
            attempt.accept(ctx);
            return DONE;
        }, probe, ctx -> { }, new Expect().and(DONE + " | " + after, allowed).others(DENIED + " | " + unchanged));
    }

    // ---- dates

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant AFTER_DUE = Instant.parse("2026-03-05T12:00:00Z");
    private static final LocalDate JUNE_END = LocalDate.of(2026, 6, 30);
    private static final Instant MARCH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");

    // ---- the world

    protected final RecordingMailSender mail = new RecordingMailSender();

    @Override
    protected Crm.Builder configure(Crm.Builder builder) {
        return builder.templateEngine(new StrictTestTemplates()).mailSender(mail);
    }

    private Pipeline pipeline;
    private int worlds;

    /** How much of the world is built. */
    enum Size {
        /** C (without contact and note) and rita's open records: for the archive, hand-over, conversion. */
        LEAN,
        /** Also C's contact and note: for the writes sharing a world per actor. */
        WRITES,
        /**
         * Also the stage move, the offer, the request, the first calls, the campaign, the consent,
         * the mailing, customer D handed over from tom, and the due work run (the meeting's
         * reminder, the overdue request): for the reads.
         */
        FULL
    }

    /** The records of one world, and the names the table gives them. */
    final class World {
        final int number;
        final String cName;
        final String evaEmail;
        final String evaPhone;
        final Map<String, String> names = new HashMap<>();
        final PipelineId pipeline = NeedToKnowMatrixContract.this.pipeline.id();
        CustomerId c;
        ContactId eva;
        OpportunityId deal;
        OfferId offer;
        ActivityId meeting;
        ActivityId request;
        ActivityId attemptCall;
        ActivityId firstCallSam;
        ActivityId firstCallRita;
        ActivityId mail;
        LeadId lead;
        CampaignId campaign;
        MailingId mailing;
        CustomerId d;
        OpportunityId dOpen;
        OpportunityId dClosed;
        ActivityId dMeeting;
        NoticeId ritasReminder;
        org.crm4j.sales.ServiceContractId service;
        org.crm4j.pipeline.SalesOrderId order;
        org.crm4j.sales.ServiceContractId endingService;
        org.crm4j.sales.SalesDocumentId invoice;
        org.crm4j.sales.SalesDocumentId houseInvoice;
        org.crm4j.customer.CustomerDocumentId offerPaper;
        org.crm4j.customer.CustomerDocumentId samsPaper;

        World(int number) {
            this.number = number;
            this.cName = number == 0 ? "Cobalt Works" : "Cobalt Works W" + number;
            this.evaEmail = "eva.berg" + number + "@cobalt.example";
            this.evaPhone = "+4930555" + (1000 + number);
        }

        private void name(String kind, long id, String name) {
            names.put(kind + ":" + id, name);
        }

        String n(String kind, long id) {
            return names.getOrDefault(kind + ":" + id, kind + "#" + id);
        }

        String n(CustomerId id) {
            return n("customer", id.value());
        }

        String n(OpportunityId id) {
            return n("deal", id.value());
        }

        String n(ActivityId id) {
            return n("activity", id.value());
        }

        String n(LeadId id) {
            return n("lead", id.value());
        }

        String n(OfferId id) {
            return n("offer", id.value());
        }

        String n(ContactId id) {
            return n("contact", id.value());
        }

        /** @return the done call that rita's contact attempt logged (found as an admin the first time) */
        ActivityId attemptCall() {
            if (attemptCall == null) {
                attemptCall = as(ADA).activities().ofCustomer(c, null, 100).items().stream()
                        .filter(a -> a.leadId().isPresent() && a.type() == ActivityType.CALL).findFirst()
                        .orElseThrow().id();
                name("activity", attemptCall.value(), "C.attemptCall");
            }
            return attemptCall;
        }

        /** The records an event is about or names, by the table's names. */
        List<String> recordsOf(DomainEvent e) {
            List<String> records = new ArrayList<>();
            e.opportunityId().ifPresent(id -> records.add(n("deal", id)));
            e.leadId().ifPresent(id -> records.add(n("lead", id)));
            e.activityId().ifPresent(id -> records.add(n("activity", id)));
            return records;
        }
    }

    /**
     * Builds customer C with rita's deal, planned meeting and contacted lead; see {@link Size} for
     * what else.
     */
    World world(Size size) {
        boolean full = size == Size.FULL;
        World w = new World(worlds++);
        ActorScope ada = as(ADA);
        ActorScope sam = as(SAM);

        w.c = sam.customers().create(NewCustomer.company(w.cName).taxId("DE100" + w.number).industry("Steel")
                .tags("fair").address(Address.of("Berlin", "DE")).externalRef(ExternalRef.of("ERP", "C-" + w.number)))
                .id();
        w.name("customer", w.c.value(), "C");
        if (size != Size.LEAN) {
            w.eva = sam.customers().addContact(w.c, NewContact.named("Eva Berg").jobTitle("CFO").roles(RoleCodes.CFO)
                    .channel(ContactChannel.email(w.evaEmail)).channel(ContactChannel.phone(w.evaPhone)).primary())
                    .id();
            w.name("contact", w.eva.value(), "C.eva");
            sam.customers().addNote(w.c, "Met at the fair");
        }

        if (full) {
            w.firstCallSam = sam.activities().recordFirstCall(w.c, w.eva, T0.minus(Duration.ofMinutes(60)), "intro")
                    .id();
            w.name("activity", w.firstCallSam.value(), "C.firstCall(sam)");
            // rita's own first call, recorded while she acted with an admin's rights
            w.firstCallRita = crm.as(Actor.of("rita", Actor.ADMIN)).activities()
                    .recordFirstCall(w.c, w.eva, T0.minus(Duration.ofMinutes(30)), "intro").id();
            w.name("activity", w.firstCallRita.value(), "C.firstCall(rita)");
        }

        Opportunity deal = ada.opportunities().open(NewOpportunity.on(w.c, "Cobalt line", pipeline.id())
                .owner("rita").amount(eur("10000.00")).expectedClose(JUNE_END));
        w.deal = deal.id();
        w.name("deal", w.deal.value(), "C.deal");
        if (full) {
            ada.opportunities().save(ada.opportunities().get(w.deal).advanceTo("DEMO"));
            w.offer = ada.offers().draft(w.deal, NewOffer.validUntil(LocalDate.of(2026, 3, 31)).line(
                    OfferLine.of("CL-1", "Cobalt line", BigDecimal.ONE, eur("10000.00"), new BigDecimal("19")))).id();
            w.name("offer", w.offer.value(), "C.offer");
        }

        NewActivity meeting = NewActivity.meeting(w.c).planned()
                .at(Instant.parse("2026-03-20T10:00:00Z"), Duration.ofHours(1)).owner("rita");
        if (w.eva != null) {
            meeting.participants(w.eva);
        }
        if (full) {
            meeting.remindAt(Instant.parse("2026-03-05T08:00:00Z"));
        }
        w.meeting = ada.activities().log(meeting).id();
        w.name("activity", w.meeting.value(), "C.meeting");
        if (full) {
            w.request = ada.requests().log(NewRequest.question(w.c, "Delivery times?").owner("rita").from(w.eva))
                    .id();
            w.name("activity", w.request.value(), "C.request");
        }

        NewLead lead = NewLead.onCustomer(w.c).owner("rita");
        if (full) {
            w.campaign = ada.campaigns().define(NewCampaign.named("Cobalt spring", CampaignGoal.NEW_CUSTOMERS, "EUR")
                    .owner("rita").period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))
                    .cost(CostEntry.planned(LocalDate.of(2026, 3, 1), eur("500.00"), "ads"))).id();
            lead.campaign(w.campaign);
        }
        w.lead = ada.leads().open(lead).id();
        w.name("lead", w.lead.value(), "C.lead");
        // the lead's assignee works it: a contact attempt, logged as her done call with C
        as(RITA).leads().recordContact(w.lead, "called Eva");
        if (full) {
            w.attemptCall();
        }

        if (full) {
            ada.consents().grant(w.eva, Purpose.MARKETING, null, "web form");
            w.mailing = sam.mailings().create(NewMailing.of("Spring news", Audience.segment(Criteria.tagged("fair")))
                    .purpose(Purpose.MARKETING).subject("Spring at {{customer.name}}")
                    .text("Dear {{contact.firstName}},\nour spring offer.\n{{sender.name}}")).id();
            sam.mailings().send(w.mailing);
            w.mail = ada.activities().ofCustomer(w.c, null, 100).items().stream()
                    .filter(a -> a.type() == ActivityType.EMAIL).findFirst().orElseThrow().id();
            w.name("activity", w.mail.value(), "C.mail");

            ActorScope tom = as(TOM);
            w.d = tom.customers().create(NewCustomer.company("Delta Foods")).id();
            w.name("customer", w.d.value(), "D");
            w.dOpen = tom.opportunities().open(NewOpportunity.on(w.d, "Delta open", pipeline.id())
                    .amount(eur("2000.00")).expectedClose(JUNE_END)).id();
            w.name("deal", w.dOpen.value(), "D.openDeal");
            w.dClosed = tom.opportunities().open(NewOpportunity.on(w.d, "Delta lost", pipeline.id())
                    .amount(eur("5000.00")).expectedClose(JUNE_END)).id();
            w.name("deal", w.dClosed.value(), "D.closedDeal");
            tom.opportunities().save(tom.opportunities().get(w.dClosed).lose("PRICE", null, null, null));
            w.dMeeting = tom.activities().log(NewActivity.meeting(w.d).planned()
                    .at(Instant.parse("2026-03-25T10:00:00Z"), Duration.ofHours(1))).id();
            w.name("activity", w.dMeeting.value(), "D.meeting");
            ada.customers().save(ada.customers().get(w.d).assignOwner("sam"));

            // what C bought: rita's service and invoice (she sold them), and an invoice with no
            // salesperson, which only C's line sees; part of rita's invoice is paid
            w.service = ada.sales().addService(w.c, org.crm4j.sales.NewServiceContract.of("HOST", "Hosting",
                    LocalDate.of(2026, 1, 1), org.crm4j.common.BillingPeriod.MONTH, eur("100.00")).salesperson("rita"))
                    .id();
            w.name("service", w.service.value(), "C.service");
            w.invoice = ada.sales().receive(org.crm4j.sales.NewSalesDocument.invoice(ExternalRef.of("ERP",
                            "INV-" + w.number), "EUR", LocalDate.of(2026, 2, 1)).customer(w.c).salesperson("rita")
                    .line(org.crm4j.sales.SalesLine.of("CL-1", BigDecimal.ONE, new BigDecimal("1000.00"))))
                    .value().id();
            w.name("document", w.invoice.value(), "C.invoice");
            w.houseInvoice = ada.sales().receive(org.crm4j.sales.NewSalesDocument.invoice(ExternalRef.of("ERP",
                            "INV-H" + w.number), "EUR", LocalDate.of(2026, 2, 3)).customer(w.c)
                    .line(org.crm4j.sales.SalesLine.of("SP-1", BigDecimal.ONE, new BigDecimal("50.00"))))
                    .value().id();
            w.name("document", w.houseInvoice.value(), "C.houseInvoice");
            w.name("payment", ada.sales().receivePayment(org.crm4j.sales.NewPayment.of(ExternalRef.of("ERP",
                    "PAY-" + w.number), ExternalRef.of("ERP", "INV-" + w.number), eur("400.00"),
                    LocalDate.of(2026, 2, 20))).value().id().value(), "C.payment");

            // C's papers (R12): the offer's document and the service's contract, kept by ada, count as
            // rita's (the deal's owner, the service's salesperson); sam's visit report is his
            w.offerPaper = ada.documents().keep(org.crm4j.document.NewCustomerDocument.ofOffer(w.offer, "Offer",
                    "text/html", utf8("<p>offer " + w.number + "</p>"))).id();
            w.name("paper", w.offerPaper.value(), "C.offerPaper");
            w.name("paper", ada.documents().keep(org.crm4j.document.NewCustomerDocument.ofServiceContract(w.service,
                    "Contract", "text/html", utf8("<p>contract " + w.number + "</p>"))).id().value(), "C.contractPaper");
            w.samsPaper = sam.documents().keep(org.crm4j.document.NewCustomerDocument.other(w.c, "Visit report",
                    "text/plain", utf8("visit " + w.number))).id();
            w.name("paper", w.samsPaper.value(), "C.samsPaper");

            // rita's commission plan (one per store: the worlds share it)
            if (ada.sales().commissionPlans().stream().noneMatch(p -> p.salespeople().contains("rita"))) {
                ada.sales().defineCommissionPlan(org.crm4j.sales.NewCommissionPlan.named("Rita's plan", "EUR")
                        .salespeople("rita").defaultRate(BigDecimal.TEN));
            }

            clock.advance(Duration.between(clock.instant(), AFTER_DUE));
            crm.runDueWork();
            for (Notice notice : as(RITA).inbox().list(null, 50).items()) {
                String about = notice.values().getOrDefault("activity", notice.values().get("request"));
                w.names.put("notice:" + notice.id().value(),
                        notice.kind() + " of " + w.n("activity", Long.parseLong(about)));
                if (notice.kind().equals("reminder")) {
                    w.ritasReminder = notice.id();
                }
            }
        }
        return w;
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    // ---- rendering answers

    /** @return "all" when the actor's feed holds every event about the customer, else "none" or "some n" */
    private static String feedShare(Ctx c, CustomerId customer) {
        long mine = feedAbout(c.me(), customer);
        long all = feedAbout(c.admin(), customer);
        return mine == all && all > 0 ? "all" : mine == 0 ? "none" : "some " + mine;
    }

    private static long feedAbout(ActorScope scope, CustomerId customer) {
        long n = 0;
        String cursor = null;
        while (true) {
            org.crm4j.event.ChangePage page = scope.changes().since(cursor, org.crm4j.event.Changes.MAX_PAGE);
            n += page.events().stream().filter(e -> Long.valueOf(customer.value()).equals(e.customerId())).count();
            cursor = page.cursor();
            if (!page.more()) {
                return n;
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The client id under which the admin's point of sale sent a note to the world's C. */
    private static java.util.UUID shopNote(World w) {
        return java.util.UUID.nameUUIDFromBytes(("shop-note-" + w.number).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @return the names in order, duplicates kept (a record seen twice is an answer too) */
    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }

    private static List<String> activities(World w, Collection<Activity> list) {
        return sorted(list.stream().map(a -> w.n(a.id())).toList());
    }

    private static String money(Money m) {
        return m == null ? "-" : m.amount().toPlainString() + " " + m.currency().getCurrencyCode();
    }

    private static String summary(ImportReport r) {
        return "rows=" + r.rows() + " created=" + r.created() + " updated=" + r.updated() + " unchanged="
                + r.unchanged() + " rejected=" + r.rejected() + " skipped=" + r.skipped() + " duplicates="
                + r.duplicates() + " rejections=" + r.rejections().stream()
                        .map(x -> x.violations().stream().map(Violation::field).toList().toString()).toList();
    }

    private static String campaignTotal(CampaignResultRow r) {
        return "leads=" + r.leads() + " contacted=" + r.contacted() + " qualified=" + r.qualified() + " converted="
                + r.converted() + " costsVisible=" + r.costsVisible() + " planned=" + money(r.plannedCost());
    }

    private static List<String> csvLines(String csv) {
        return List.of(csv.split("\r\n"));
    }

    // ---- the table

    /** A dry run's report on a new row that is a likely duplicate of C (for who may see C's contacts). */
    private static final String SKIPPED_AS_DUPLICATE = "rows=1 created=0 updated=0 unchanged=0 rejected=0 skipped=1"
            + " duplicates=1 rejections=[]";
    /** A dry run's report on a new row that is no known duplicate. */
    private static final String CREATED = "rows=1 created=1 updated=0 unchanged=0 rejected=0 skipped=0 duplicates=0"
            + " rejections=[]";

    private static final List<String> RITAS_ACTIVITIES = List.of("C.attemptCall", "C.firstCall(rita)", "C.meeting",
            "C.request");
    private static final List<String> ALL_ACTIVITIES = List.of("C.attemptCall", "C.firstCall(rita)",
            "C.firstCall(sam)", "C.mail", "C.meeting", "C.request");
    private static final List<String> SAMS_SCHEDULE = List.of("C.firstCall(sam)", "C.mail", "D.meeting");

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();

        // -- customers
        rows.add(read("customers.search basic fields of C and D", c -> c.me().customers()
                .search(CustomerQuery.builder().build()).items().stream()
                .map(s -> s.name() + "|" + s.taxId() + "|" + s.city() + "|" + s.ownerId() + "|" + s.status()).toList(),
                everyone(List.of("Cobalt Works|DE1000|Berlin|sam|ACTIVE", "Delta Foods|null|null|sam|ACTIVE"))));
        // a search finds and flags by the owner's line; the record line opens C by id (below), not by search
        rows.add(read("customers.search may-open flag of C and D", c -> c.me().customers()
                .search(CustomerQuery.builder().build()).items().stream()
                .map(s -> c.w().n(s.id()) + "=" + s.canOpen()).toList(),
                sees(List.of("C=true", "D=true"), CUSTOMER_LINE).others(List.of("C=false", "D=false"))));
        rows.add(read("customers.search only openable", c -> sorted(c.me().customers()
                .search(CustomerQuery.builder().onlyOpenable().build()).items().stream()
                .map(CustomerSummary::id).map(c.w()::n).toList()),
                sees(List.of("C", "D"), CUSTOMER_LINE).others(List.of())));
        rows.add(read("customers.get C", c -> {
            var cust = c.me().customers().get(c.w().c);
            return cust.name() + " industry=" + cust.industry().orElse(null) + " tags=" + cust.tags() + " owner="
                    + cust.ownerId();
        }, sees("Cobalt Works industry=Steel tags=[fair] owner=sam", BOTH_LINES)));
        rows.add(read("customers.findByExternalRef C", c -> c.me().customers()
                .findByExternalRef(ExternalRef.of("ERP", "C-0")).map(x -> c.w().n(x.id())).orElse("none"),
                sees("C", BOTH_LINES)));
        rows.add(read("customers.contacts of C", c -> c.me().customers().contacts(c.w().c).stream()
                .map(p -> p.name() + " " + p.jobTitle().orElse("")).toList(),
                sees(List.of("Eva Berg CFO"), BOTH_LINES)));
        rows.add(read("customers.getContact C's contact", c -> c.me().customers().getContact(c.w().eva).name(),
                sees("Eva Berg", BOTH_LINES)));
        rows.add(read("customers.notes of C", c -> c.me().customers().notes(c.w().c, 10).stream().map(Note::text)
                .toList(), sees(List.of("Met at the fair"), BOTH_LINES)));
        rows.add(read("customers.card of C", c -> {
            CustomerCard card = c.me().customers().card(c.w().c);
            return "contacts=" + card.contacts().stream().map(p -> p.name()).toList()
                    + " notes=" + card.latestNotes().stream().map(Note::text).toList()
                    + " deals=" + sorted(card.opportunities().stream().map(o -> c.w().n("deal", o.id())).toList())
                    + " activities=" + sorted(card.latestActivities().stream()
                            .map(a -> c.w().n("activity", a.id())).toList());
        }, sees("contacts=[Eva Berg] notes=[Met at the fair] deals=[C.deal] activities=" + ALL_ACTIVITIES,
                CUSTOMER_LINE)
                .and("contacts=[Eva Berg] notes=[Met at the fair] deals=[C.deal] activities=" + RITAS_ACTIVITIES,
                        Line.RECORD)));
        rows.add(read("customers.card of C: records in its history", c -> List.copyOf(new TreeSet<>(c.me().customers()
                .card(c.w().c).latestHistory().stream().flatMap(e -> c.w().recordsOf(e).stream()).toList())),
                sees(List.of("C.attemptCall", "C.deal", "C.firstCall(rita)", "C.firstCall(sam)", "C.lead", "C.mail",
                        "C.meeting", "C.request"), CUSTOMER_LINE)
                        .and(List.of("C.attemptCall", "C.deal", "C.firstCall(rita)", "C.lead", "C.meeting",
                                "C.request"), Line.RECORD)));
        rows.add(read("customers.ownerHistory of C", c -> c.me().customers().ownerHistory(c.w().c).stream()
                .map(h -> h.fromOwnerId() + "->" + h.toOwnerId()).toList(), sees(List.of(), BOTH_LINES)));
        rows.add(read("customers.get D (handed from tom to sam)", c -> {
            var d = c.me().customers().get(c.w().d);
            return d.name() + " owner=" + d.ownerId();
        }, sees("Delta Foods owner=sam", CUSTOMER_LINE)));
        rows.add(read("customers.ownerHistory of D", c -> c.me().customers().ownerHistory(c.w().d).stream()
                .map(h -> h.fromOwnerId() + "->" + h.toOwnerId() + " by " + h.changedBy()).toList(),
                sees(List.of("tom->sam by ada"), CUSTOMER_LINE)));
        rows.add(read("customers.card of D", c -> {
            CustomerCard card = c.me().customers().card(c.w().d);
            return "deals=" + sorted(card.opportunities().stream().map(o -> c.w().n("deal", o.id())).toList())
                    + " activities=" + sorted(card.latestActivities().stream()
                            .map(a -> c.w().n("activity", a.id())).toList());
        }, sees("deals=[D.closedDeal, D.openDeal] activities=[D.meeting]", CUSTOMER_LINE)));

        // -- deals
        rows.add(read("deals.find C's deal", c -> {
            Opportunity o = c.me().opportunities().get(c.w().deal);
            return c.w().n(o.id()) + " owner=" + o.ownerId() + " stage=" + o.stageCode();
        }, sees("C.deal owner=rita stage=DEMO", BOTH_LINES)));
        rows.add(read("deals.ofCustomer C", c -> sorted(c.me().opportunities().ofCustomer(c.w().c).stream()
                .map(o -> c.w().n(o.id())).toList()), sees(List.of("C.deal"), BOTH_LINES)));
        rows.add(read("deals.stageHistory of C's deal", c -> c.me().opportunities().stageHistory(c.w().deal).stream()
                .map(s -> s.fromStage() + "->" + s.toStage()).toList(),
                sees(List.of("null->QUALIFY", "QUALIFY->DEMO"), BOTH_LINES)));
        rows.add(read("deals.find D's open deal (moved to sam)", c -> {
            Opportunity o = c.me().opportunities().get(c.w().dOpen);
            return c.w().n(o.id()) + " owner=" + o.ownerId();
        }, sees("D.openDeal owner=sam", CUSTOMER_LINE)));
        rows.add(read("deals.find D's lost deal (stays tom's)", c -> {
            Opportunity o = c.me().opportunities().get(c.w().dClosed);
            return c.w().n(o.id()) + " owner=" + o.ownerId() + " " + o.status();
        }, sees("D.closedDeal owner=tom LOST", Line.CUSTOMER, Line.ADMIN, Line.FORMER)));
        rows.add(read("deals.pipelineView totals", c -> {
            PipelineView view = c.me().opportunities().pipelineView(c.w().pipeline);
            return view.stages().stream().filter(s -> s.count() > 0)
                    .map(s -> s.stage().code() + ":" + s.count() + "=" + money(s.amount())).toList()
                    + " total=" + money(view.totalAmount());
        }, sees("[QUALIFY:1=2000.00 EUR, DEMO:1=10000.00 EUR] total=12000.00 EUR", CUSTOMER_LINE)
                .and("[DEMO:1=10000.00 EUR] total=10000.00 EUR", Line.RECORD)
                .others("[] total=0.00 EUR")));

        // -- offers
        rows.add(read("offers.find C's offer", c -> c.w().n(c.me().offers().get(c.w().offer).id()),
                sees("C.offer", BOTH_LINES)));
        rows.add(read("offers.ofOpportunity C's deal", c -> c.me().offers().ofOpportunity(c.w().deal).stream()
                .map(o -> c.w().n(o.id()) + " v" + o.number()).toList(), sees(List.of("C.offer v1"), BOTH_LINES)));
        rows.add(read("offers.addressee of C's offer", c -> {
            OfferAddressee a = c.me().offers().addressee(c.w().offer);
            return a.customerName() + " / " + a.contactName() + ", " + a.contactJobTitle();
        }, sees("Cobalt Works / Eva Berg, CFO", BOTH_LINES)));

        rows.add(read("report OfferDocuments.renderHtml of C's offer", c -> {
            String html = OfferDocuments.standard().renderHtml(c.me(), c.w().offer);
            return "document for " + (html.contains("Cobalt Works") ? "Cobalt Works" : "?") + " / "
                    + (html.contains("Eva Berg") ? "Eva Berg" : "?");
        }, sees("document for Cobalt Works / Eva Berg", BOTH_LINES)));

        // -- activities
        rows.add(read("activities.find C's meeting", c -> {
            Activity a = c.me().activities().get(c.w().meeting);
            return c.w().n(a.id()) + " owner=" + a.ownerId() + " " + a.status();
        }, sees("C.meeting owner=rita PLANNED", BOTH_LINES)));
        rows.add(read("activities.ofCustomer C", c -> activities(c.w(), c.me().activities()
                .ofCustomer(c.w().c, null, 100).items()),
                sees(ALL_ACTIVITIES, CUSTOMER_LINE).and(RITAS_ACTIVITIES, Line.RECORD)));
        rows.add(read("activities.find D's meeting (moved to sam)", c -> {
            Activity a = c.me().activities().get(c.w().dMeeting);
            return c.w().n(a.id()) + " owner=" + a.ownerId();
        }, sees("D.meeting owner=sam", CUSTOMER_LINE)));
        List<String> visibleToCustomerLine = new ArrayList<>(ALL_ACTIVITIES);
        visibleToCustomerLine.add("D.meeting");
        rows.add(read("activities.schedule of everyone visible, March", c -> activities(c.w(), c.me().activities()
                .schedule(ScheduleQuery.visible(MARCH, APRIL).pageSize(100)).items()),
                sees(sorted(visibleToCustomerLine), CUSTOMER_LINE).and(RITAS_ACTIVITIES, Line.RECORD)
                        .others(List.of())));
        rows.add(read("activities.schedule of user sam, March", c -> activities(c.w(), c.me().activities()
                .schedule(ScheduleQuery.user("sam", MARCH, APRIL).pageSize(100)).items()),
                sees(SAMS_SCHEDULE, CUSTOMER_LINE)));
        rows.add(read("activities.schedule of team mia, March", c -> activities(c.w(), c.me().activities()
                .schedule(ScheduleQuery.team("mia", MARCH, APRIL).pageSize(100)).items()),
                sees(SAMS_SCHEDULE, CUSTOMER_LINE).actor("sam", DENIED)));

        // -- requests
        rows.add(read("requests.find C's request", c -> {
            var r = c.me().requests().get(c.w().request);
            return c.w().n(r.id()) + " owner=" + r.ownerId() + " " + r.status();
        }, sees("C.request owner=rita OPEN", BOTH_LINES)));
        rows.add(read("requests.overdue", c -> sorted(c.me().requests().overdue(null, 100).items().stream()
                .map(r -> c.w().n(r.id())).toList()), sees(List.of("C.request"), BOTH_LINES).others(List.of())));

        // -- leads
        rows.add(read("leads.find C's lead", c -> {
            Lead l = c.me().leads().get(c.w().lead);
            return c.w().n(l.id()) + " owner=" + l.ownerId() + " " + l.status() + " attempts by "
                    + l.attempts().stream().map(a -> a.by()).toList();
        }, sees("C.lead owner=rita CONTACTED attempts by [rita]", BOTH_LINES)));
        rows.add(read("leads.ofCustomer C", c -> sorted(c.me().leads().ofCustomer(c.w().c).stream()
                .map(l -> c.w().n(l.id())).toList()), sees(List.of("C.lead"), BOTH_LINES)));
        rows.add(read("leads.ofCampaign rita's campaign", c -> sorted(c.me().leads()
                .ofCampaign(c.w().campaign, null, 100).items().stream().map(l -> c.w().n(l.id())).toList()),
                sees(List.of("C.lead"), BOTH_LINES).others(List.of())));
        rows.add(read("leads.possibleDuplicates of a prospect with C's contact's e-mail and phone", c -> c.me()
                .leads().possibleDuplicates(Prospect.byEmail(c.w().evaEmail).withPhone(c.w().evaPhone)).stream()
                .map(m -> m.kind() + " " + c.w().n("customer", m.id()) + " " + m.score() + " " + m.reasons() + " "
                        + m.name() + " owner=" + m.ownerId()).toList(),
                sees(List.of("CUSTOMER C 95 [EMAIL, PHONE] Cobalt Works owner=sam"), BOTH_LINES).others(List.of())));

        // -- campaigns
        rows.add(read("campaigns.find rita's campaign", c -> {
            var camp = c.me().campaigns().get(c.w().campaign);
            return camp.name() + " owner=" + camp.ownerId() + " costs=" + camp.costs().size();
        }, sees("Cobalt spring owner=rita costs=1", Line.RECORD, Line.ADMIN)));
        rows.add(read("campaigns.summary of rita's campaign", c -> {
            var s = c.me().campaigns().summary(c.w().campaign);
            return s.name() + " " + s.status();
        }, everyone("Cobalt spring PLANNED")));
        String noLeads = "leads=0 contacted=0 qualified=0 converted=0 costsVisible=false planned=-";
        rows.add(read("report CampaignResults of rita's campaign: total", c -> campaignTotal(c.me()
                .report(CampaignResults.of(c.w().campaign)).total()),
                sees("leads=1 contacted=1 qualified=0 converted=0 costsVisible=false planned=-", Line.CUSTOMER)
                        .and("leads=1 contacted=1 qualified=0 converted=0 costsVisible=true planned=500.00 EUR",
                                Line.RECORD, Line.ADMIN)
                        .others(noLeads)));
        rows.add(read("report CampaignResults of rita's campaign: CSV", c -> {
            CampaignResult result = c.me().report(CampaignResults.of(c.w().campaign));
            return csvLines(result.toCsv()).stream().skip(1).toList();
        }, sees(CampaignCsv.CUSTOMER_LINE, Line.CUSTOMER).and(CampaignCsv.CAMPAIGN_LINE, Line.RECORD, Line.ADMIN)
                .others(CampaignCsv.NOBODY)));

        // -- consents, mailings, inbox
        rows.add(read("consents.of C's contact", c -> c.me().consents().of(c.w().eva).consents().stream()
                .map(x -> x.purpose().code() + " " + x.status()).toList(),
                sees(List.of("marketing GRANTED"), BOTH_LINES)));
        rows.add(read("mailings.find sam's mailing to C", c -> {
            var m = c.me().mailings().get(c.w().mailing);
            return m.name() + " owner=" + m.ownerId() + " " + m.status();
        }, sees("Spring news owner=sam COMPLETED", CUSTOMER_LINE)));
        rows.add(read("mailings.report of sam's mailing to C", c -> {
            MailingReport r = c.me().mailings().report(c.w().mailing);
            return "audience=" + r.audience() + " sent=" + r.sent() + " skipped=" + r.skippedTotal();
        }, sees("audience=1 sent=1 skipped=0", CUSTOMER_LINE)));
        rows.add(read("inbox.list (notices about C)", c -> sorted(c.me().inbox().list(null, 50).items().stream()
                .map(x -> c.w().n("notice", x.id().value())).toList()),
                everyone(List.of()).actor("rita", List.of("reminder of C.meeting", "request-overdue of C.request"))));
        rows.add(read("inbox.get rita's reminder about C's meeting", c -> {
            Notice x = c.me().inbox().get(c.w().ritasReminder);
            return c.w().n("notice", x.id().value());
        }, everyone(NOT_FOUND).actor("rita", "reminder of C.meeting")));

        // -- imports (dry runs: nothing is written)
        rows.add(read("imports dry run: new row with C's contact's e-mail", c -> summary(c.me().imports().customers(
                List.of(ImportRow.of("ERP", "NEW-1").company("Brand New Ltd")
                        .contact(ImportContact.named("Someone Else").email(c.w().evaEmail))),
                ImportOptions.defaults().dryRun())),
                sees(SKIPPED_AS_DUPLICATE, BOTH_LINES).others(CREATED)));
        rows.add(read("imports dry run: likely duplicate's match", c -> c.me().imports().customers(
                List.of(ImportRow.of("ERP", "NEW-1").company("Brand New Ltd")
                        .contact(ImportContact.named("Someone Else").email(c.w().evaEmail))),
                ImportOptions.defaults().dryRun()).likelyDuplicates().stream()
                .flatMap(d -> d.matches().stream().map(m -> d.externalRef() + " ~ " + c.w().n("customer", m.id())
                        + " " + m.reasons())).toList(),
                sees(List.of("ERP:NEW-1 ~ C [EMAIL]"), BOTH_LINES).others(List.of())));
        rows.add(read("imports dry run from a CSV file (CsvCustomerSource): line with C's contact's e-mail",
                c -> summary(c.me().imports().customers(CsvCustomerSource.of(new StringReader(
                        "external_id,name,contact_name,contact_email\r\nNEW-2,Other New Ltd,Someone Else,"
                                + c.w().evaEmail + "\r\n")).system("ERP"), ImportOptions.defaults().dryRun())),
                sees(SKIPPED_AS_DUPLICATE, BOTH_LINES).others(CREATED)));
        rows.add(read("imports dry run: update of C by its reference", c -> summary(c.me().imports().customers(
                List.of(ImportRow.of("ERP", "C-0").company("Cobalt Works").industry("Retail")),
                ImportOptions.defaults().dryRun())),
                sees("rows=1 created=0 updated=1 unchanged=0 rejected=0 skipped=0 duplicates=0 rejections=[]",
                        CUSTOMER_LINE)
                        .others("rows=1 created=0 updated=0 unchanged=0 rejected=1 skipped=0 duplicates=0"
                                + " rejections=[[externalRef]]")));

        // -- sales
        rows.add(read("sales.document C's invoice (rita's)", c -> {
            org.crm4j.sales.SalesDocument d = c.me().sales().document(c.w().invoice);
            return c.w().n("document", d.id().value()) + " gross=" + money(d.gross());
        }, sees("C.invoice gross=1000.00 EUR", BOTH_LINES)));
        rows.add(read("sales.document C's invoice with no salesperson", c -> c.w().n("document",
                c.me().sales().document(c.w().houseInvoice).id().value()), sees("C.houseInvoice", CUSTOMER_LINE)));
        rows.add(read("sales.documents of C", c -> sorted(c.me().sales().documents(c.w().c, 50).stream()
                .map(d -> c.w().n("document", d.id().value())).toList()),
                sees(List.of("C.houseInvoice", "C.invoice"), CUSTOMER_LINE).and(List.of("C.invoice"), Line.RECORD)));
        rows.add(read("sales.balance of C's invoice", c -> money(c.me().sales().balance(c.w().invoice).outstanding()),
                sees("600.00 EUR", BOTH_LINES)));
        rows.add(read("sales.openInvoices of C", c -> sorted(c.me().sales().openInvoices(c.w().c).stream()
                .map(b -> c.w().n("document", b.invoiceId().value()) + " " + money(b.outstanding())).toList()),
                sees(List.of("C.houseInvoice 50.00 EUR", "C.invoice 600.00 EUR"), CUSTOMER_LINE)
                        .and(List.of("C.invoice 600.00 EUR"), Line.RECORD)));
        rows.add(read("sales.summary of C", c -> {
            org.crm4j.customer.SalesSummary x = c.me().sales().summary(c.w().c);
            return x.lines().stream().map(l -> money(l.invoicedLast12Months()) + "/" + money(l.outstanding()))
                    .toList() + " last=" + x.lastPurchase();
        }, sees("[1050.00 EUR/650.00 EUR] last=2026-02-03", CUSTOMER_LINE)
                .and("[1000.00 EUR/600.00 EUR] last=2026-02-01", Line.RECORD)));
        rows.add(read("sales.service C's service (rita's)", c -> c.w().n("service",
                c.me().sales().service(c.w().service).id().value()), sees("C.service", BOTH_LINES)));
        rows.add(read("sales.services of C", c -> c.me().sales().services(c.w().c).stream()
                .map(x -> c.w().n("service", x.id().value())).toList(), sees(List.of("C.service"), BOTH_LINES)));
        rows.add(read("sales.serviceCard of C's service (rita's)", c -> {
            org.crm4j.sales.ServiceCard card = c.me().sales().serviceCard(c.w().service);
            return c.w().n("service", card.service().id().value()) + " requests=" + card.requests().size();
        }, sees("C.service requests=0", BOTH_LINES)));
        rows.add(read("sales.lookup of C by product HOST", c -> {
            org.crm4j.sales.SalesMatches m = c.me().sales().lookup(org.crm4j.sales.SalesLookup.of(c.w().c)
                    .product("HOST"));
            return m.services().stream().map(x -> c.w().n("service", x.id().value())).toList() + " documents="
                    + m.documents().size();
        }, sees("[C.service] documents=0", BOTH_LINES)));
        rows.add(read("customers.card of C: services and sales summary", c -> {
            org.crm4j.customer.CustomerCard card = c.me().customers().card(c.w().c);
            return card.services().stream().map(x -> c.w().n("service", x.id())).toList() + " "
                    + card.sales().lines().stream().map(l -> money(l.invoicedLast12Months()) + "/"
                            + money(l.outstanding())).toList();
        }, sees("[C.service] [1050.00 EUR/650.00 EUR]", CUSTOMER_LINE)
                .and("[C.service] [1000.00 EUR/600.00 EUR]", Line.RECORD)));
        rows.add(read("customers.card of C: sales in its history", c -> sorted(c.me().customers().card(c.w().c)
                .latestHistory().stream().filter(e -> e.type().startsWith("sales-document.")
                        || e.type().startsWith("service.") || e.type().startsWith("payment."))
                .map(e -> e.type() + " " + c.w().n(e.aggregateType().equals("sales-document") ? "document"
                        : e.aggregateType(), e.aggregateId())).toList()),
                sees(List.of("payment.received C.payment", "sales-document.received C.houseInvoice",
                        "sales-document.received C.invoice", "service.added C.service"), CUSTOMER_LINE)
                        .and(List.of("payment.received C.payment", "sales-document.received C.invoice",
                                "service.added C.service"), Line.RECORD)));

        // -- reports
        rows.add(read("report CashFlowForecast June", c -> c.me().report(CashFlowForecast
                .monthly(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1))).rows().stream()
                .map(r -> r.period() + " " + r.group() + " deals=" + r.deals() + " expected=" + money(r.expected())
                        + " weighted=" + money(r.weighted())).toList(),
                sees(List.of("2026-06-01 all deals=2 expected=12000.00 EUR weighted=3200.00 EUR"), CUSTOMER_LINE)
                        .and(List.of("2026-06-01 all deals=1 expected=10000.00 EUR weighted=3000.00 EUR"), Line.RECORD)
                        .others(List.of())));
        rows.add(read("report CashFlowForecast June: CSV", c -> csvLines(c.me().report(CashFlowForecast
                .monthly(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 1)).byOwner()).toCsv()),
                sees(List.of(CashFlow.CSV_HEADER, "2026-06-01,rita,rita,EUR,1,10000.00,3000.00",
                        "2026-06-01,sam,sam,EUR,1,2000.00,200.00"), CUSTOMER_LINE)
                        .and(List.of(CashFlow.CSV_HEADER, "2026-06-01,rita,rita,EUR,1,10000.00,3000.00"), Line.RECORD)
                        .others(List.of(CashFlow.CSV_HEADER))));
        rows.add(read("report FirstContactReport March-April: totals", c -> c.me().report(FirstContactReport
                .monthly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1), ZoneOffset.UTC)).totals().stream()
                .map(r -> r.salespersonId() + " calls=" + r.firstCalls() + " meetings=" + r.firstMeetings()).toList(),
                sees(List.of("rita calls=1 meetings=0", "sam calls=1 meetings=0"), CUSTOMER_LINE)
                        .and(List.of("rita calls=1 meetings=0"), Line.RECORD).others(List.of())));
        rows.add(read("report FirstContactReport March-April: CSV rows", c -> csvLines(c.me().report(
                FirstContactReport.monthly(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 1), ZoneOffset.UTC))
                .toCsv()).stream().skip(1).map(l -> l.split(",")[0] + "," + l.split(",")[1] + "," + l.split(",")[3])
                .toList(),
                sees(List.of("2026-03-01,rita,1", "2026-04-01,rita,0", "2026-03-01,sam,1", "2026-04-01,sam,0",
                        "total,rita,1", "total,sam,1"), CUSTOMER_LINE)
                        .and(List.of("2026-03-01,rita,1", "2026-04-01,rita,0", "total,rita,1"), Line.RECORD)
                        .others(List.of())));

        // the customer's papers (R12): the offer's and the contract's are rita's, the visit report sam's
        rows.add(read("documents.ofCustomer C", c -> sorted(c.me().documents().ofCustomer(c.w().c, 50).stream()
                .map(d -> c.w().n("paper", d.id().value())).toList()),
                sees(List.of("C.contractPaper", "C.offerPaper", "C.samsPaper"), CUSTOMER_LINE)
                        .and(List.of("C.contractPaper", "C.offerPaper"), Line.RECORD)));
        rows.add(read("documents.get C's offer paper", c -> c.me().documents().get(c.w().offerPaper).title(),
                sees("Offer", BOTH_LINES)));
        rows.add(read("documents.content of sam's visit report on C", c -> new String(c.me().documents()
                .content(c.w().samsPaper), java.nio.charset.StandardCharsets.UTF_8).replaceAll("[0-9]+", "n"),
                sees("visit n", CUSTOMER_LINE)));
        rows.add(read("customers.card of C: its documents", c -> sorted(c.me().customers().card(c.w().c).documents()
                .stream().map(d -> c.w().n("paper", d.id().value())).toList()),
                sees(List.of("C.contractPaper", "C.offerPaper", "C.samsPaper"), CUSTOMER_LINE)
                        .and(List.of("C.contractPaper", "C.offerPaper"), Line.RECORD)));
        rows.add(read("customers.card of C: documents in its history", c -> sorted(c.me().customers().card(c.w().c)
                .latestHistory().stream().filter(e -> e.type().equals("document.kept"))
                .map(e -> c.w().n("paper", e.aggregateId())).toList()),
                sees(List.of("C.contractPaper", "C.offerPaper", "C.samsPaper"), CUSTOMER_LINE)
                        .and(List.of("C.contractPaper", "C.offerPaper"), Line.RECORD)));

        // a commission statement is the salesperson's and her superiors' (R21), not the customer's line's
        rows.add(read("sales.commissionStatement of rita: C's invoice", c -> c.me().sales().commissionStatement("rita",
                java.time.YearMonth.of(2026, 2)).lines().stream()
                .filter(l -> l.document().equals(ExternalRef.of("ERP", "INV-" + c.w().number)))
                .map(l -> l.basis().toPlainString() + " -> " + l.commission().toPlainString()).toList(),
                sees(List.of("400.00 -> 40.00"), Line.RECORD, Line.ADMIN)));
        // the change feed carries the events of the customers whose owner the reader covers: the
        // customer's line; not the records' owners; not the former owner, not even of his own time
        rows.add(read("changes.since: the events about C", c -> feedShare(c, c.w().c),
                sees("all", CUSTOMER_LINE).others("none")));
        rows.add(read("changes.since: the events about D", c -> feedShare(c, c.w().d),
                sees("all", CUSTOMER_LINE).others("none")));

        // ---- writes: first those that touch separate things, on one world per actor (a refused
        // write leaves it as it was; the one that could open C to its actor, a new deal, is last)

        Consumer<Ctx> nothing = ctx -> { };
        rows.add(write("customers.addNote to C", Data.PER_ACTOR, nothing,
                c -> c.me().customers().addNote(c.w().c, "matrix note"),
                c -> sorted(c.admin().customers().notes(c.w().c, 10).stream().map(Note::text).toList()),
                CUSTOMER_LINE, List.of("Met at the fair", "matrix note"), List.of("Met at the fair")));
        rows.add(write("customers.addContact to C", Data.PER_ACTOR, nothing,
                c -> c.me().customers().addContact(c.w().c, NewContact.named("Max Roth")),
                c -> sorted(c.admin().customers().contacts(c.w().c).stream().map(p -> p.name()).toList()),
                CUSTOMER_LINE, List.of("Eva Berg", "Max Roth"), List.of("Eva Berg")));
        rows.add(write("customers.saveContact: C's contact's job title", Data.PER_ACTOR, nothing,
                c -> c.me().customers().saveContact(c.admin().customers().getContact(c.w().eva)
                        .changeJobTitle("Head of Finance")),
                c -> c.admin().customers().getContact(c.w().eva).jobTitle().orElse(null),
                CUSTOMER_LINE, "Head of Finance", "CFO"));
        // an import refuses a row over a customer the actor may not change, and goes on
        rows.add(new Row("imports.customers: update C by its reference", Data.PER_ACTOR, nothing,
                c -> summary(c.me().imports().customers(List.of(ImportRow.of("ERP", "C-" + c.w().number)
                        .company(c.w().cName).industry("Retail")), ImportOptions.defaults())),
                c -> "industry=" + c.admin().customers().get(c.w().c).industry().orElse(null), nothing,
                new Expect().and("rows=1 created=0 updated=1 unchanged=0 rejected=0 skipped=0 duplicates=0"
                        + " rejections=[] | industry=Retail", CUSTOMER_LINE)
                        .others("rows=1 created=0 updated=0 unchanged=0 rejected=1 skipped=0 duplicates=0"
                                + " rejections=[[externalRef]] | industry=Steel")));
        rows.add(write("customers.save: rename C", Data.PER_ACTOR, nothing,
                c -> c.me().customers().save(c.admin().customers().get(c.w().c).rename("Renamed")),
                c -> c.admin().customers().get(c.w().c).name().equals(c.w().cName) ? "name unchanged" : "renamed",
                CUSTOMER_LINE, "renamed", "name unchanged"));
        rows.add(write("activities.log: a call with C", Data.PER_ACTOR, nothing,
                c -> c.me().activities().log(NewActivity.call(c.w().c, CallDirection.OUTBOUND).outcome("matrix call")),
                c -> {
                    List<Activity> calls = c.admin().activities().ofCustomer(c.w().c, null, 100).items().stream()
                            .filter(a -> a.outcome().filter("matrix call"::equals).isPresent()).toList();
                    return "matrix calls=" + calls.size() + " by me="
                            + calls.stream().filter(a -> a.ownerId().equals(c.who().id())).count();
                },
                BOTH_LINES, "matrix calls=1 by me=1", "matrix calls=0 by me=0"));
        rows.add(write("leads.recordContact on C's lead", Data.PER_ACTOR, nothing,
                c -> c.me().leads().recordContact(c.w().lead, "matrix attempt"),
                c -> {
                    Lead l = c.admin().leads().get(c.w().lead);
                    return "attempts=" + l.attempts().size() + " last by me="
                            + l.attempts().get(l.attempts().size() - 1).by().equals(c.who().id());
                },
                BOTH_LINES, "attempts=2 last by me=true", "attempts=1 last by me=false"));
        rows.add(write("deals.save: name C's contact a participant of C's deal", Data.PER_ACTOR, nothing,
                c -> c.me().opportunities().save(c.admin().opportunities().get(c.w().deal)
                        .involve(c.w().eva, DecisionRole.DECISION_MAKER)),
                c -> c.admin().opportunities().get(c.w().deal).participants().stream()
                        .map(p -> c.w().n(p.contactId()) + " " + p.role()).toList(),
                BOTH_LINES, List.of("C.eva DECISION_MAKER"), List.of()));
        rows.add(write("sales.receive an invoice for C", Data.PER_ACTOR, nothing,
                c -> c.me().sales().receive(org.crm4j.sales.NewSalesDocument.invoice(ExternalRef.of("ERP",
                                "INV-M" + c.w().number + "-" + c.who().id()), "EUR", LocalDate.of(2026, 3, 1))
                        .customer(c.w().c).line(org.crm4j.sales.SalesLine.of("M-1", BigDecimal.ONE, BigDecimal.TEN))),
                c -> "documents=" + c.admin().sales().documents(c.w().c, 50).size(),
                CUSTOMER_LINE, "documents=1", "documents=0"));
        rows.add(write("sales.renewService: C's service with an end", Data.OWN,
                c -> {
                    if (c.w().endingService == null) {
                        c.w().endingService = c.admin().sales().addService(c.w().c, org.crm4j.sales.NewServiceContract
                                .of("LIC", "Licence", LocalDate.of(2026, 1, 1), org.crm4j.common.BillingPeriod.YEAR,
                                        eur("99.00")).endsOn(LocalDate.of(2026, 12, 31)).salesperson("rita")).id();
                    }
                },
                c -> c.me().sales().renewService(c.w().endingService, LocalDate.of(2027, 12, 31)),
                c -> "ends " + c.admin().sales().service(c.w().endingService).endsOn(),
                CUSTOMER_LINE, "ends 2027-12-31", "ends 2026-12-31"));
        rows.add(write("sales.receivePayment on C's account", Data.OWN, nothing,
                c -> c.me().sales().receivePayment(org.crm4j.sales.NewPayment.onAccount(ExternalRef.of("ERP",
                        "CHK-" + c.w().number + "-" + c.who().id()), c.w().c, eur("10.00"), LocalDate.of(2026, 3, 1))),
                c -> "owed=" + c.admin().sales().summary(c.w().c).lines().stream()
                        .map(l -> l.outstanding().amount().toPlainString()).toList(),
                CUSTOMER_LINE, "owed=[-10.00]", "owed=[]"));
        rows.add(write("sales.acknowledgeOrder: the ERP's number for C's order", Data.OWN,
                c -> {
                    if (c.w().order != null) {
                        // a world on which the acknowledgement was only refused so far has its order
                        return;
                    }
                    var offers = c.admin().offers();
                    OfferId offer = offers.draft(c.w().deal, NewOffer.validUntil(LocalDate.of(2026, 3, 31)).line(
                            OfferLine.of("CL-1", "Cobalt line", BigDecimal.ONE, eur("100.00"), BigDecimal.TEN))).id();
                    offers.save(offers.get(offer).send());
                    offers.save(offers.get(offer).accept("PO 1"));
                    c.w().order = offers.placeOrder(offer).id();
                },
                c -> c.me().sales().acknowledgeOrder(c.w().order, ExternalRef.of("ERP", "SO-" + c.w().number)),
                c -> "orders=" + c.admin().sales().documents(c.w().c, 50).size(),
                CUSTOMER_LINE, "orders=1", "orders=0"));
        rows.add(write("deals.open on C", Data.PER_ACTOR, nothing,
                c -> c.me().opportunities().open(NewOpportunity.on(c.w().c, "Matrix deal", c.w().pipeline)
                        .expectedClose(JUNE_END)),
                c -> {
                    List<Opportunity> deals = c.admin().opportunities().ofCustomer(c.w().c).stream()
                            .filter(o -> o.title().equals("Matrix deal")).toList();
                    return "matrix deals=" + deals.size() + " by me="
                            + deals.stream().filter(o -> o.ownerId().equals(c.who().id())).count();
                },
                BOTH_LINES, "matrix deals=1 by me=1", "matrix deals=0 by me=0"));

        // ---- writes that change what others would meet: each on a world of its own

        rows.add(write("documents.keep a paper on C", Data.OWN, nothing,
                c -> c.me().documents().keep(org.crm4j.document.NewCustomerDocument.other(c.w().c, "Minutes",
                        "text/plain", utf8("minutes by " + c.who().id()))),
                c -> "documents=" + c.admin().documents().ofCustomer(c.w().c, 50).size(),
                BOTH_LINES, "documents=1", "documents=0"));
        // offline points of sale write what the same calls online may (R31)
        rows.add(write("pointOfSale.note on C", Data.OWN, nothing,
                c -> c.me().pointOfSale().note(java.util.UUID.randomUUID(), c.w().c, "from the shop"),
                c -> sorted(c.admin().customers().notes(c.w().c, 10).stream().map(Note::text).toList()),
                CUSTOMER_LINE, List.of("from the shop"), List.of()));
        rows.add(write("pointOfSale.activity: a call with C", Data.OWN, nothing,
                c -> c.me().pointOfSale().activity(java.util.UUID.randomUUID(),
                        NewActivity.call(c.w().c, CallDirection.OUTBOUND).outcome("shop call")),
                c -> "shop calls=" + c.admin().activities().ofCustomer(c.w().c, null, 100).items().stream()
                        .filter(a -> a.outcome().filter("shop call"::equals).isPresent()).count(),
                BOTH_LINES, "shop calls=1", "shop calls=0"));
        // a client id sent again shows its note only to whoever may read the customer's notes
        rows.add(new Row("pointOfSale.note: the shop's client id sent again", Data.OWN,
                c -> c.admin().pointOfSale().note(shopNote(c.w()), c.w().c, "sent from the shop"),
                c -> c.me().pointOfSale().note(shopNote(c.w()), c.w().c, "again").value().text(),
                c -> "notes=" + c.admin().customers().notes(c.w().c, 10).size(), c -> { },
                sees("sent from the shop | notes=1", BOTH_LINES).others(DENIED + " | notes=1")));
        rows.add(write("customers.save: archive C", Data.OWN, nothing,
                c -> c.me().customers().save(c.admin().customers().get(c.w().c).archive()),
                c -> c.admin().customers().get(c.w().c).status(), CUSTOMER_LINE, "ARCHIVED", "ACTIVE"));
        rows.add(write("customers.save: hand C over to sid (sam's report)", Data.OWN, nothing,
                c -> c.me().customers().save(c.admin().customers().get(c.w().c).assignOwner("sid")),
                c -> {
                    CustomerCard card = c.admin().customers().card(c.w().c);
                    Map<String, String> owners = new TreeMap<>();
                    owners.put("C", card.customer().ownerId());
                    card.opportunities().forEach(o -> owners.put(c.w().n("deal", o.id()), o.ownerId()));
                    card.latestActivities().forEach(a -> owners.put(a.leadId() != null && a.type().equals("CALL")
                            ? "C.attemptCall" : c.w().n("activity", a.id()), a.ownerId()));
                    owners.put("C.lead", c.admin().leads().get(c.w().lead).ownerId());
                    return owners;
                },
                CUSTOMER_LINE, "{C=sid, C.attemptCall=rita, C.deal=sid, C.lead=sid, C.meeting=sid}",
                "{C=sam, C.attemptCall=rita, C.deal=rita, C.lead=rita, C.meeting=rita}"));
        rows.add(write("leads.convert C's lead (qualified by ada)", Data.OWN,
                c -> {
                    Lead l = c.admin().leads().get(c.w().lead);
                    if (l.status() == LeadStatus.CONTACTED) {
                        c.admin().leads().save(l.qualify());
                    }
                },
                c -> c.me().leads().convert(c.w().lead, Conversion.into(c.w().pipeline, "From the lead")
                        .expectedClose(JUNE_END)),
                c -> {
                    Lead l = c.admin().leads().get(c.w().lead);
                    return l.status() + l.opportunityId().map(id -> " deal owner="
                            + c.admin().opportunities().get(id).ownerId()).orElse("");
                },
                BOTH_LINES, "CONVERTED deal owner=rita", "QUALIFIED"));
        // no customer involved; what was defined is removed again after the probe
        rows.add(new Row("serviceStandards.define", Data.NONE, nothing, c -> {
            c.me().serviceStandards().define(ServiceStandard.contactEvery("A", 30));
            return DONE;
        }, c -> c.admin().serviceStandards().list(),
                c -> c.admin().serviceStandards().remove(ServiceStandard.contactEvery("A", 30)),
                new Expect().and(DONE + " | [ContactEvery[rating=A, days=30]]", Line.ADMIN).others(DENIED + " | []")));
        return rows;
    }

    /** The CSV lines (after the header) of the campaign report, by what the actor may see. */
    static final class CampaignCsv {
        /** Sees the lead (on its customer), not the campaign's costs. */
        static final List<String> CUSTOMER_LINE = List.of("no keyword,,1,1,0,0,0,0,EUR,0.00,,,,,,,",
                "total,,1,1,0,0,0,0,EUR,0.00,,,,,,,");
        /** Sees the lead and the campaign's costs. */
        static final List<String> CAMPAIGN_LINE = List.of("no keyword,,1,1,0,0,0,0,EUR,0.00,,500.00,0.00,0.00,,,",
                "total,,1,1,0,0,0,0,EUR,0.00,,500.00,0.00,0.00,,,");
        /** Sees neither. */
        static final List<String> NOBODY = List.of("total,,0,0,0,0,0,0,EUR,0.00,,,,,,,");
    }

    // ---- the generator

    @TestFactory
    Stream<DynamicNode> matrix() {
        directory.add("vera", null).add("otto", "vera").add("rita", "otto").add("tom", null).add("sid", "sam");
        crm.userDirectoryChanged();
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.open("DEMO", "Demo", 30))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
        World shared = world(Size.FULL);
        List<Row> rows = rows();
        Stream<DynamicNode> reads = rows.stream().filter(r -> !r.write())
                .map(row -> DynamicContainer.dynamicContainer(row.path(), ACTORS.stream()
                        .map(who -> cell(row, who, () -> shared))));
        Map<String, World> perActor = new HashMap<>();
        Stream<DynamicNode> writes = rows.stream().filter(Row::write)
                .map(row -> DynamicContainer.dynamicContainer(row.path(), ACTORS.stream()
                        .map(who -> cell(row, who, () -> switch (row.data()) {
                            case PER_ACTOR -> perActor.computeIfAbsent(who.id(), id -> world(Size.WRITES));
                            case OWN -> {
                                // a world on which this write was only ever refused, as expected, is as new
                                World untouched = untouchedBy.remove(row.path());
                                yield untouched != null && row.expected().of(who).toString().startsWith(DENIED)
                                        ? untouched : world(Size.LEAN);
                            }
                            default -> null;
                        }))));
        return Stream.concat(reads, writes);
    }

    /** Per write row of its own worlds: one on which the write was only refused, and left it as it was. */
    private final Map<String, World> untouchedBy = new HashMap<>();

    private DynamicTest cell(Row row, Who who, Supplier<World> worldOf) {
        Object expected = normal(row.expected().of(who));
        String name = row.path() + " | " + who + " -> " + describe(row, expected);
        return DynamicTest.dynamicTest(name, () -> {
            World w = worldOf.get();
            Ctx ctx = new Ctx(who, as(who.actor()), as(ADA), w);
            row.prepare().accept(ctx);
            Object actual = outcome(row.action(), ctx);
            if (row.write()) {
                try {
                    actual = actual + " | " + normal(row.probe().read(ctx));
                } finally {
                    row.cleanup().accept(ctx);
                }
            }
            if (row.data() == Data.OWN && expected.toString().startsWith(DENIED) && expected.equals(normal(actual))) {
                untouchedBy.put(row.path(), w);
            }
            assertThat(normal(actual)).as(name).isEqualTo(expected);
        });
    }

    private static Object outcome(Read read, Ctx ctx) {
        try {
            return normal(read.read(ctx));
        } catch (AccessDeniedException e) {
            assertThat(e.actorId()).as("who was refused").isEqualTo(ctx.who().id());
            return DENIED;
        } catch (NotFoundException e) {
            return NOT_FOUND;
        }
    }

    private static Object normal(Object value) {
        return value instanceof Collection<?> list ? List.copyOf(list).toString() : String.valueOf(value);
    }

    private static String describe(Row row, Object expected) {
        String text = String.valueOf(expected);
        if (row.write()) {
            return text.startsWith(DONE) ? "may" : "denied";
        }
        if (text.equals(DENIED)) {
            return "denied";
        }
        if (text.equals("[]") || text.equals(NOT_FOUND)) {
            return "sees nothing";
        }
        return "sees " + (text.length() > 90 ? text.substring(0, 87) + "..." : text);
    }
}
