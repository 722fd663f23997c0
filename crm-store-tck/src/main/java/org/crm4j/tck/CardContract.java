package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.access.Actor;
import org.crm4j.activity.CallDirection;
import org.crm4j.activity.NewActivity;
import org.crm4j.common.BillingPeriod;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.ActivitySummary;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerCard;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Note;
import org.crm4j.customer.OpportunitySummary;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.lead.Lead;
import org.crm4j.lead.NewLead;
import org.crm4j.pipeline.DecisionRole;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.Offers;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.Stage;
import org.crm4j.sales.NewPayment;
import org.crm4j.sales.NewSalesDocument;
import org.crm4j.sales.NewServiceContract;
import org.crm4j.sales.SalesLine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer card (R2): the customer, its contacts, its latest notes and history and the deals
 * the actor may see, in a bounded number of statements whatever the history, on every store.
 */
public abstract class CardContract extends ContractBase {
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 30);
    /** How many notes and history entries the card shows. */
    private static final int CARD_NOTES = 20;
    private static final int CARD_HISTORY = 50;

    private Pipeline pipeline;

    @BeforeEach
    void market() {
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.open("DEMO", "Demo", 30))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
    }

    private NewOpportunity deal(Customer customer, String title) {
        return NewOpportunity.on(customer.id(), title, pipeline.id()).expectedClose(JUNE);
    }

    private Opportunity open(Actor actor, NewOpportunity deal) {
        clock.advance(Duration.ofMinutes(1));
        return as(actor).opportunities().open(deal);
    }

    private Opportunity win(Actor actor, Opportunity deal) {
        return as(actor).opportunities().save(as(actor).opportunities().get(deal.id()).win("PRICE", null));
    }

    private Opportunity lose(Actor actor, Opportunity deal) {
        return as(actor).opportunities().save(as(actor).opportunities().get(deal.id())
                .lose("PRICE", null, "Globex", null));
    }

    private static List<String> titles(CustomerCard card) {
        return card.opportunities().stream().map(OpportunitySummary::title).toList();
    }

    @Test
    void card_showsCustomerContactsNotesAndHistoryNewestFirst() {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME").externalRef(ExternalRef.of("SAP", "9")));
        Instant created = clock.instant();
        customersOf(SAM).addContact(acme.id(), NewContact.named("Eva").primary());
        List<Note> added = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofMinutes(1));
            String text = i == 29 ? "long note " + "x".repeat(300) : "note " + i;
            added.add(customersOf(i % 2 == 0 ? SAM : MIA).addNote(acme.id(), text));
        }

        CustomerCard card = customersOf(SAM).card(acme.id());

        assertThat(card.customer().externalRefs()).containsExactly(ExternalRef.of("SAP", "9"));
        assertThat(card.contacts()).extracting(ContactPerson::name).containsExactly("Eva");
        List<Note> newestFirst = new ArrayList<>(added);
        Collections.reverse(newestFirst);
        List<Note> newestTwenty = newestFirst.subList(0, CARD_NOTES);
        assertThat(card.latestNotes()).containsExactlyElementsOf(newestTwenty);
        assertThat(card.latestNotes().get(0).text()).hasSize("long note ".length() + 300);
        assertThat(card.latestHistory()).hasSize(32);
        assertThat(card.latestHistory().subList(0, 30)).extracting(DomainEvent::type).containsOnly(EventTypes.NOTE_ADDED);
        assertThat(card.latestHistory().subList(0, 30)).extracting(DomainEvent::aggregateId, DomainEvent::actorId,
                DomainEvent::occurredAt)
                .containsExactlyElementsOf(newestFirst.stream().map(n -> tuple(
                        n.id().value(), n.authorId(), n.createdAt())).toList());
        assertThat(card.latestHistory().get(1).get("note")).isEqualTo("note 28");
        assertThat(card.latestHistory().get(0).get("note")).hasSize(200).startsWith("long note xxx");
        assertThat(card.latestHistory().get(30).type()).isEqualTo(EventTypes.CONTACT_ADDED);
        assertThat(card.latestHistory().get(31)).satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.CUSTOMER_CREATED);
            assertThat(e.aggregateType()).isEqualTo("customer");
            assertThat(e.aggregateId()).isEqualTo(acme.id().value());
            assertThat(e.customerId()).isEqualTo(acme.id().value());
            assertThat(e.occurredAt()).isEqualTo(created);
            assertThat(e.get("name")).isEqualTo("ACME");
            assertThat(e.get("owner")).isEqualTo("sam");
        });
    }

    @Test
    void card_keepsOtherCustomersNotesAndHistoryOff() {
        Customer acme = companyOf(SAM, "ACME");
        Customer globex = companyOf(SAM, "Globex");
        customersOf(SAM).addNote(acme.id(), "about ACME");
        customersOf(SAM).addNote(globex.id(), "about Globex");
        open(SAM, deal(globex, "Globex deal"));

        CustomerCard card = customersOf(SAM).card(acme.id());

        assertThat(card.latestNotes()).extracting(Note::text).containsExactly("about ACME");
        assertThat(card.latestHistory()).extracting(DomainEvent::customerId).containsOnly(acme.id().value());
        assertThat(card.latestHistory()).extracting(DomainEvent::type)
                .containsExactly(EventTypes.NOTE_ADDED, EventTypes.CUSTOMER_CREATED);
        assertThat(card.opportunities()).isEmpty();
    }

    @Test
    void card_listsTheDealsOpenFirstThenNewestFirst() {
        Customer acme = companyOf(SAM, "ACME");
        Opportunity wonEarly = open(SAM, deal(acme, "Won early").amount(Money.of("500", "EUR")));
        Opportunity firstOpen = open(SAM, deal(acme, "First open").amount(Money.of("1200.50", "EUR")));
        Opportunity lostLate = open(SAM, deal(acme, "Lost late"));
        Opportunity secondOpen = open(SAM, deal(acme, "Second open").stage("DEMO"));
        win(SAM, wonEarly);
        lose(SAM, lostLate);

        CustomerCard card = customersOf(SAM).card(acme.id());

        assertThat(titles(card)).containsExactly("Second open", "First open", "Lost late", "Won early");
        assertThat(card.opportunities().get(0)).isEqualTo(new OpportunitySummary(secondOpen.id().value(),
                "Second open", "sam", pipeline.id().value(), "DEMO", true, false, null, 30, JUNE,
                secondOpen.createdAt()));
        assertThat(card.opportunities().get(1).amount()).isEqualTo(Money.of("1200.50", "EUR"));
        assertThat(card.opportunities().get(1).id()).isEqualTo(firstOpen.id().value());
        assertThat(card.opportunities().get(2)).satisfies(d -> {
            assertThat(d.open()).isFalse();
            assertThat(d.won()).isFalse();
            assertThat(d.stageCode()).isEqualTo("LOST");
        });
        assertThat(card.opportunities().get(3)).satisfies(d -> {
            assertThat(d.open()).isFalse();
            assertThat(d.won()).isTrue();
            assertThat(d.stageCode()).isEqualTo("WON");
            assertThat(d.probability()).isEqualTo(100);
            assertThat(d.amount()).isEqualTo(Money.of("500", "EUR"));
        });
        assertThat(card.opportunities()).extracting(OpportunitySummary::id)
                .containsExactlyElementsOf(as(SAM).opportunities().ofCustomer(acme.id()).stream()
                        .map(o -> o.id().value()).toList());
    }

    @Test
    void card_showsEveryDealOnTheCustomerToItsOwnersLine_andAnImplicitReaderOnlyTheirOwn() {
        Customer acme = companyOf(SAM, "ACME");
        open(SAM, deal(acme, "Sam's deal"));
        open(MIA, deal(acme, "Pia's deal").owner("pia"));
        open(MIA, deal(acme, "Mia's deal"));
        open(CARL, deal(acme, "Carl's deal"));

        // whoever covers the customer's owner sees every deal on it, also those of their superiors
        for (Actor ownersLine : List.of(SAM, MIA, CARL, ADA)) {
            assertThat(titles(customersOf(ownersLine).card(acme.id()))).as(ownersLine.id())
                    .containsExactly("Carl's deal", "Mia's deal", "Pia's deal", "Sam's deal");
        }
        // pia opens the card through her open deal, and sees only that one
        assertThat(titles(customersOf(PIA).card(acme.id()))).containsExactly("Pia's deal");
        assertThatThrownBy(() -> customersOf(OTTO).card(acme.id())).isInstanceOf(AccessDeniedException.class);
    }

    /** The actor makes two offers for the deal: one edited and declined, then its revision accepted and made an order. */
    private void offersOf(Actor actor, Opportunity deal) {
        Offers offers = as(actor).offers();
        Offer declined = offers.draft(deal.id(), NewOffer.validUntil(JUNE)
                .line(OfferLine.of("CNC-40", "CNC unit", new BigDecimal("2"), Money.of("2900.00", "EUR"),
                        new BigDecimal("19"))));
        offers.save(offers.get(declined.id()).terms("Payment within 30 days."));
        offers.save(offers.get(declined.id()).send());
        offers.save(offers.get(declined.id()).reject("Too expensive against Globex"));
        Offer accepted = offers.revise(declined.id());
        offers.save(offers.get(accepted.id()).send());
        offers.save(offers.get(accepted.id()).accept("PO 4711"));
        offers.placeOrder(accepted.id());
    }

    private static List<DomainEvent> about(List<DomainEvent> history, Opportunity deal) {
        return history.stream().filter(e -> e.opportunityId().equals(OptionalLong.of(deal.id().value()))).toList();
    }

    private static List<DomainEvent> notAbout(List<DomainEvent> history, Opportunity deal) {
        return history.stream().filter(e -> !e.opportunityId().equals(OptionalLong.of(deal.id().value()))).toList();
    }

    @Test
    void card_historyShowsTheOwnerEveryDealsEvents_andAnImplicitReaderOnlyThoseOfTheirDeal() {
        Customer acme = companyOf(SAM, "ACME");
        Opportunity samsDeal = open(SAM, deal(acme, "Sam's deal"));
        Opportunity piasDeal = open(MIA, deal(acme, "Pia's deal").owner("pia"));
        as(SAM).opportunities().save(as(SAM).opportunities().get(samsDeal.id()).advanceTo("DEMO"));
        as(PIA).opportunities().save(as(PIA).opportunities().get(piasDeal.id()).advanceTo("DEMO"));
        as(PIA).opportunities().save(as(PIA).opportunities().get(piasDeal.id()).changeAmount(Money.of("5800", "EUR")));
        offersOf(SAM, samsDeal);
        offersOf(PIA, piasDeal);
        customersOf(SAM).addNote(acme.id(), "met at the fair");
        clock.advance(Duration.ofDays(20));
        crm.detectStalledDeals(StallCriteria.idleFor(14).build());

        List<DomainEvent> all = customersOf(ADA).card(acme.id()).latestHistory();
        // every kind of deal event names its deal (opened, moved, updated, offers, order, stalled)
        List<String> dealEventTypes = List.of(EventTypes.OPPORTUNITY_OPENED, EventTypes.OPPORTUNITY_STAGE_CHANGED,
                EventTypes.OPPORTUNITY_UPDATED, EventTypes.OFFER_DRAFTED, EventTypes.OFFER_UPDATED,
                EventTypes.OFFER_SENT, EventTypes.OFFER_REJECTED, EventTypes.OFFER_ACCEPTED, EventTypes.ORDER_PLACED,
                EventTypes.OPPORTUNITY_STALLED);
        assertThat(about(all, piasDeal)).extracting(DomainEvent::type).containsAll(dealEventTypes)
                .allMatch(dealEventTypes::contains);
        assertThat(about(all, samsDeal)).extracting(DomainEvent::type).contains(EventTypes.OPPORTUNITY_OPENED,
                EventTypes.OFFER_REJECTED, EventTypes.ORDER_PLACED, EventTypes.OPPORTUNITY_STALLED);
        assertThat(notAbout(notAbout(all, piasDeal), samsDeal)).extracting(DomainEvent::type)
                .containsExactly(EventTypes.NOTE_ADDED, EventTypes.CUSTOMER_CREATED);

        // the customer's owner sees the events of pia's deal on his customer too
        assertThat(customersOf(SAM).card(acme.id()).latestHistory()).containsExactlyElementsOf(all);
        assertThat(customersOf(MIA).card(acme.id()).latestHistory()).containsExactlyElementsOf(all);
        assertThat(customersOf(CARL).card(acme.id()).latestHistory()).containsExactlyElementsOf(all);
        // pia reads the card through her open deal: the customer's events and her deal's, not sam's deal's
        List<DomainEvent> pias = customersOf(PIA).card(acme.id()).latestHistory();
        assertThat(pias).containsExactlyElementsOf(notAbout(all, samsDeal));
        assertThat(pias).noneMatch(e -> e.opportunityId().equals(OptionalLong.of(samsDeal.id().value())))
                .anyMatch(e -> EventTypes.ORDER_PLACED.equals(e.type()));
        assertThatThrownBy(() -> customersOf(OTTO).card(acme.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void card_historyOfAnImplicitReaderCountsOnlyTheEventsOfTheirDeal() {
        Customer acme = companyOf(SAM, "ACME");
        Opportunity samsDeal = open(SAM, deal(acme, "Sam's deal"));
        Opportunity piasDeal = open(MIA, deal(acme, "Pia's deal").owner("pia"));
        for (int i = 0; i < CARD_HISTORY; i++) {
            as(SAM).opportunities().save(as(SAM).opportunities().get(samsDeal.id()).rename("Sam's deal " + i));
        }

        List<DomainEvent> pias = customersOf(PIA).card(acme.id()).latestHistory();

        assertThat(pias).extracting(DomainEvent::type)
                .containsExactly(EventTypes.OPPORTUNITY_OPENED, EventTypes.CUSTOMER_CREATED);
        assertThat(pias.get(0).opportunityId()).hasValue(piasDeal.id().value());
        for (Actor ownersLine : List.of(SAM, MIA)) {
            assertThat(customersOf(ownersLine).card(acme.id()).latestHistory()).as(ownersLine.id())
                    .hasSize(CARD_HISTORY)
                    .allMatch(e -> e.opportunityId().equals(OptionalLong.of(samsDeal.id().value())));
        }
        assertThatThrownBy(() -> customersOf(OTTO).card(acme.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void card_historyOfAnImplicitReaderFollowsTheDealToItsNewOwner() {
        Customer acme = companyOf(SAM, "ACME");
        Opportunity samsDeal = open(SAM, deal(acme, "Sam's deal"));
        Opportunity piasDeal = open(MIA, deal(acme, "Pia's deal").owner("pia"));
        offersOf(SAM, samsDeal);
        // pia reads sam's customer through her open deal, without sam's deal
        assertThat(titles(customersOf(PIA).card(acme.id()))).containsExactly("Pia's deal");
        assertThat(about(customersOf(PIA).card(acme.id()).latestHistory(), samsDeal)).isEmpty();

        as(MIA).opportunities().save(as(MIA).opportunities().get(samsDeal.id()).assignOwner("pia"));

        CustomerCard card = customersOf(PIA).card(acme.id());
        assertThat(titles(card)).containsExactly("Pia's deal", "Sam's deal");
        assertThat(card.latestHistory()).containsExactlyElementsOf(customersOf(ADA).card(acme.id()).latestHistory());
        assertThat(about(card.latestHistory(), samsDeal)).extracting(DomainEvent::type)
                .contains(EventTypes.OPPORTUNITY_OPENED, EventTypes.OFFER_DRAFTED, EventTypes.OFFER_REJECTED,
                        EventTypes.ORDER_PLACED);

        // and a deal handed away takes its history along
        as(MIA).opportunities().save(as(MIA).opportunities().get(piasDeal.id()).assignOwner("sam"));
        CustomerCard after = customersOf(PIA).card(acme.id());
        assertThat(titles(after)).containsExactly("Sam's deal");
        assertThat(about(after.latestHistory(), piasDeal)).isEmpty();
        assertThat(about(after.latestHistory(), samsDeal)).isNotEmpty();
        // the customer's owner sees both all along
        assertThat(customersOf(SAM).card(acme.id()).latestHistory())
                .containsExactlyElementsOf(customersOf(ADA).card(acme.id()).latestHistory());
    }

    @Test
    void card_historyShowsTheOwnerEveryLeadsEvents_andAnImplicitReaderOnlyThoseOfTheirLead() {
        Customer acme = companyOf(SAM, "ACME");
        Lead piasLead = as(MIA).leads().open(NewLead.onCustomer(acme.id()).owner("pia"));
        Lead samsLead = as(SAM).leads().open(NewLead.onCustomer(acme.id()));
        as(PIA).leads().recordContact(piasLead.id(), "Called, wants a demo");

        List<DomainEvent> sams = customersOf(SAM).card(acme.id()).latestHistory();
        List<DomainEvent> mias = customersOf(MIA).card(acme.id()).latestHistory();
        List<DomainEvent> pias = customersOf(PIA).card(acme.id()).latestHistory();
        assertThat(mias).extracting(e -> e.leadId().orElse(0))
                .contains(samsLead.id().value(), piasLead.id().value());
        assertThat(mias).filteredOn(e -> e.leadId().orElse(0) == piasLead.id().value()).extracting(DomainEvent::type)
                .contains(EventTypes.LEAD_OPENED);
        assertThat(sams).containsExactlyElementsOf(mias);
        assertThat(customersOf(ADA).card(acme.id()).latestHistory()).containsExactlyElementsOf(mias);
        // pia reads the card through her open lead: its events, not those of sam's lead
        assertThat(pias).extracting(e -> e.leadId().orElse(0)).contains(piasLead.id().value())
                .doesNotContain(samsLead.id().value());
        assertThatThrownBy(() -> customersOf(OTTO).card(acme.id())).isInstanceOf(AccessDeniedException.class);

        // handed over, the lead's history follows it
        as(MIA).leads().save(as(MIA).leads().get(samsLead.id()).assignTo("pia"));
        assertThat(customersOf(PIA).card(acme.id()).latestHistory()).extracting(e -> e.leadId().orElse(0))
                .contains(samsLead.id().value(), piasLead.id().value());
    }

    @Test
    void card_takesABoundedNumberOfStatementsWhateverTheHistory_forTheOwnerAndAnImplicitReader() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        Customer small = customersOf(SAM).create(NewCustomer.company("Small").tags("a"));
        customersOf(SAM).addContact(small.id(), NewContact.named("Eva").channel(ContactChannel.email("eva@small.example")));
        Customer big = customersOf(SAM).create(NewCustomer.company("Big").tags("a", "b", "c")
                .externalRef(ExternalRef.of("SAP", "1")).externalRef(ExternalRef.of("DATEV", "1")));
        // its business: services, and a year of invoices, each paid in two parts, one of them credited
        for (int i = 0; i < 4; i++) {
            as(SAM).sales().addService(big.id(), NewServiceContract.of("SVC-" + i, "Service " + i,
                    LocalDate.of(2026, 1, 1 + i), BillingPeriod.MONTH, Money.of("100", "EUR")));
        }
        for (int i = 0; i < 24; i++) {
            ExternalRef invoice = ExternalRef.of("erp", "INV-" + i);
            as(SAM).sales().receive(NewSalesDocument.invoice(invoice, "EUR", LocalDate.of(2025, 3, 1).plusDays(15L * i))
                    .customer(big.id()).salesperson(i % 4 == 3 ? "pia" : "sam")
                    .line(SalesLine.of("P-" + i, BigDecimal.ONE, new BigDecimal("100.00"))));
            for (int p = 0; p < 2; p++) {
                as(SAM).sales().receivePayment(NewPayment.of(ExternalRef.of("erp", "PAY-" + i + "-" + p), invoice,
                        Money.of("40.00", "EUR"), LocalDate.of(2026, 2, 1)));
            }
            if (i % 6 == 0) {
                as(SAM).sales().receive(NewSalesDocument.creditNote(ExternalRef.of("erp", "CN-" + i), "EUR",
                        LocalDate.of(2026, 2, 1), invoice).customer(big.id())
                        .line(SalesLine.of("P-" + i, BigDecimal.ONE, new BigDecimal("10.00"))));
            }
        }

        List<ContactId> contacts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            contacts.add(customersOf(SAM).addContact(big.id(), NewContact.named("Contact " + i).roles("CFO", "CTO")
                    .channel(ContactChannel.email("c" + i + "@big.example"))
                    .channel(ContactChannel.phone("+4930123456" + i))).id());
        }
        for (int i = 0; i < 120; i++) {
            customersOf(SAM).addNote(big.id(), "note " + i);
        }
        for (int i = 0; i < 200; i++) {
            // sam's, and every tenth his manager's, which sam sees on his customer too
            as(i % 10 == 9 ? MIA : SAM).activities().log(NewActivity.call(big.id(), CallDirection.OUTBOUND)
                    .at(Instant.parse("2026-01-01T08:00:00Z").plus(Duration.ofHours(i)), Duration.ofMinutes(5))
                    .participants(contacts.get(i % 5)).colleagues("pia").outcome("call " + i));
        }

        List<Long> piasDeals = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            NewOpportunity deal = deal(big, "Deal " + i).amount(Money.of("1000", "EUR"))
                    .competitor("Globex").competitor("Initech").competitor("Umbrella")
                    .participant(contacts.get(0), DecisionRole.DECISION_MAKER)
                    .participant(contacts.get(1), DecisionRole.INFLUENCER)
                    .participant(contacts.get(2), DecisionRole.USER);
            Opportunity opened = open(i % 3 == 2 ? MIA : SAM, i % 3 == 2 ? deal.owner("pia") : deal);
            if (i % 3 == 2) {
                piasDeals.add(opened.id().value());
            }
            if (i % 3 == 1) {
                if (i == 1) {
                    win(SAM, opened);
                } else {
                    lose(SAM, opened);
                }
            }
        }

        // the facades first: crm.as(...) reads the caches' versions once a second, which is not the card's
        var sams = customersOf(SAM);
        var pias = customersOf(PIA);
        counter.reset();
        CustomerCard smallCard = sams.card(small.id());
        long forSmall = counter.statements();
        counter.reset();
        CustomerCard card = sams.card(big.id());
        long forBig = counter.statements();
        counter.reset();
        CustomerCard piasCard = pias.card(big.id());
        long forPia = counter.statements();

        assertThat(smallCard.latestNotes()).isEmpty();
        assertThat(smallCard.opportunities()).isEmpty();
        assertThat(card.contacts()).hasSize(5);
        assertThat(card.contacts().get(0).channels()).hasSize(2);
        assertThat(card.latestNotes()).hasSize(CARD_NOTES).first().extracting(Note::text)
                .isEqualTo("note 119");
        // the owner sees every deal, pia's too, and every activity, his manager's too
        assertThat(card.latestHistory()).hasSize(CARD_HISTORY)
                .anyMatch(e -> e.opportunityId().isPresent() && piasDeals.contains(e.opportunityId().getAsLong()))
                .anyMatch(e -> e.opportunityId().isPresent() && !piasDeals.contains(e.opportunityId().getAsLong()));
        assertThat(titles(card)).containsExactly("Deal 5", "Deal 3", "Deal 2", "Deal 0", "Deal 4", "Deal 1");
        assertThat(smallCard.latestActivities()).isEmpty();
        assertThat(smallCard.activitiesPageToken()).isNull();
        assertThat(card.latestActivities()).hasSize(CustomerCard.ACTIVITIES).extracting(ActivitySummary::outcome)
                .startsWith("call 199", "call 198", "call 197", "call 196", "call 195", "call 194", "call 193",
                        "call 192", "call 191", "call 190");
        assertThat(card.activitiesPageToken()).isNotNull();
        assertThat(card.services()).hasSize(4);
        // 24 invoices of 100.00, 4 of them credited 10.00, 80.00 paid on each: 24 × 20.00 − 40.00 outstanding
        assertThat(card.sales().lines()).extracting(l -> l.outstanding())
                .containsExactly(Money.of("440.00", "EUR"));
        assertThat(smallCard.services()).isEmpty();
        // five: the customer, its contacts, its timeline, its deals, its business
        assertThat(forBig).isEqualTo(forSmall).isLessThanOrEqualTo(5);
        // pia reads it through her open deals: only those, and none of the activities (she is a colleague on them)
        assertThat(titles(piasCard)).containsExactly("Deal 5", "Deal 2");
        assertThat(piasCard.latestHistory()).filteredOn(e -> e.opportunityId().isPresent()).isNotEmpty()
                .allMatch(e -> piasDeals.contains(e.opportunityId().getAsLong()));
        assertThat(piasCard.latestActivities()).isEmpty();
        // pia sold every fourth invoice, none of them credited: 6 × 20.00 outstanding
        assertThat(piasCard.sales().lines()).extracting(l -> l.outstanding())
                .containsExactly(Money.of("120.00", "EUR"));
        assertThat(piasCard.services()).isEmpty();
        assertThat(forPia).isLessThanOrEqualTo(5);
    }

    @Test
    void card_showsTheOwnerEveryActivityOnTheCustomer_anImplicitReaderOnlyTheirs_andItsTokenContinuesThem() {
        Customer acme = companyOf(SAM, "ACME");
        ContactId eva = customersOf(SAM).addContact(acme.id(), NewContact.named("Eva")).id();
        Opportunity deal = open(SAM, deal(acme, "Deal"));
        // pia's open deal lets her read sam's customer
        open(MIA, deal(acme, "Pia's deal").owner("pia"));
        Instant start = Instant.parse("2026-02-01T08:00:00Z");
        List<Long> pias = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 27; i++) {
            boolean forPia = i % 9 == 4;
            NewActivity activity = i % 2 == 0
                    ? NewActivity.meeting(acme.id()).participants(eva).opportunity(deal.id())
                    : NewActivity.call(acme.id(), CallDirection.INBOUND);
            activity = (i == 26 ? activity.planned() : activity)
                    .at(start.plus(Duration.ofDays(i / 3)), Duration.ofMinutes(30)).outcome("#" + i);
            long id = (forPia ? as(MIA).activities().log(activity.owner("pia")) : as(SAM).activities().log(activity))
                    .id().value();
            all.add(0, id);
            if (forPia) {
                pias.add(0, id);
            }
        }

        CustomerCard samsCard = customersOf(SAM).card(acme.id());
        CustomerCard miasCard = customersOf(MIA).card(acme.id());
        CustomerCard adasCard = customersOf(ADA).card(acme.id());
        CustomerCard piasCard = customersOf(PIA).card(acme.id());

        // latest start first, then the highest id: the order of Activities.ofCustomer
        assertThat(samsCard.latestActivities()).extracting(ActivitySummary::id)
                .containsExactlyElementsOf(all.subList(0, CustomerCard.ACTIVITIES));
        assertThat(samsCard.latestActivities()).extracting(ActivitySummary::ownerId).contains("sam", "pia");
        assertThat(miasCard.latestActivities()).isEqualTo(samsCard.latestActivities());
        assertThat(adasCard.latestActivities()).isEqualTo(samsCard.latestActivities());
        assertThat(piasCard.latestActivities()).extracting(ActivitySummary::id).containsExactlyElementsOf(pias);
        assertThat(piasCard.latestActivities()).extracting(ActivitySummary::ownerId).containsOnly("pia");
        assertThat(piasCard.activitiesPageToken()).isNull();
        assertThatThrownBy(() -> customersOf(OTTO).card(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(samsCard.latestActivities().get(0)).satisfies(a -> {
            assertThat(a.type()).isEqualTo("MEETING");
            assertThat(a.direction()).isNull();
            assertThat(a.done()).isFalse();
            assertThat(a.startsAt()).isEqualTo(start.plus(Duration.ofDays(8)));
            assertThat(a.endsAt()).isEqualTo(start.plus(Duration.ofDays(8)).plus(Duration.ofMinutes(30)));
            assertThat(a.outcome()).isEqualTo("#26");
            assertThat(a.opportunityId()).isEqualTo(deal.id().value());
            assertThat(a.leadId()).isNull();
        });
        assertThat(samsCard.latestActivities().get(1)).satisfies(a -> {
            assertThat(a.type()).isEqualTo("CALL");
            assertThat(a.direction()).isEqualTo("INBOUND");
            assertThat(a.done()).isTrue();
            assertThat(a.opportunityId()).isNull();
        });
        // the token goes on where the card ended, with need-to-know
        var rest = as(SAM).activities().ofCustomer(acme.id(), samsCard.activitiesPageToken(), 50);
        assertThat(rest.items()).extracting(a -> a.id().value())
                .containsExactlyElementsOf(all.subList(CustomerCard.ACTIVITIES, all.size()));
        assertThat(rest.nextPageToken()).isNull();
        var miasRest = as(MIA).activities().ofCustomer(acme.id(), miasCard.activitiesPageToken(), 50);
        assertThat(miasRest.items()).extracting(a -> a.id().value())
                .containsExactlyElementsOf(all.subList(CustomerCard.ACTIVITIES, all.size()));
        // a customer with fewer activities than a page gives no token
        Customer small = companyOf(SAM, "Small");
        as(SAM).activities().log(NewActivity.note(small.id()));
        assertThat(customersOf(SAM).card(small.id()).latestActivities()).hasSize(1);
        assertThat(customersOf(SAM).card(small.id()).activitiesPageToken()).isNull();
        assertThat(customersOf(PIA).card(companyOf(PIA, "Pia's").id()).latestActivities()).isEmpty();
    }

    @Test
    void card_ofAnUnknownCustomerIsRefusedAsNotFound() {
        assertThatThrownBy(() -> customersOf(SAM).card(CustomerId.of(987_654)))
                .isInstanceOf(NotFoundException.class);
    }
}
