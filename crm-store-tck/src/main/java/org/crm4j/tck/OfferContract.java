package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferAddressee;
import org.crm4j.pipeline.OfferId;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.OfferStatus;
import org.crm4j.pipeline.OfferTotals;
import org.crm4j.pipeline.Offers;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.SalesOrder;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StalledDeal;
import org.crm4j.pipeline.StageRequirement;
import org.crm4j.pipeline.TaxAmount;
import org.crm4j.reports.document.OfferDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offers of deals (versions, lines, taxes, life cycle), the orders made from them, and the offer-sent rule. */
public abstract class OfferContract extends ContractBase {
    /** The clock of ContractBase stands on 2026-03-02. */
    private static final LocalDate END_OF_MARCH = LocalDate.of(2026, 3, 31);

    private Pipeline pipeline;
    private Customer acme;
    private Opportunity deal;

    @BeforeEach
    void dealWithAnOffer() {
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.open("PROPOSAL", "Proposal", 50))
                .stage(Stage.open("NEGOTIATION", "Negotiation", 80, StageRequirement.OFFER_SENT))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost"))
                .wonReasons("PRICE", "PRODUCT")
                .lostReasons("PRICE"));
        acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        deal = as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "CNC units", pipeline.id())
                .expectedClose(LocalDate.of(2026, 6, 30)).amount(eur("10000")));
    }

    private Offers offers(org.crm4j.access.Actor actor) {
        return as(actor).offers();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static OfferLine units(String quantity, String price) {
        return OfferLine.of("CNC-40", "CNC unit", n(quantity), eur(price), n("19"));
    }

    private Offer draftOne() {
        return offers(SAM).draft(deal.id(), NewOffer.validUntil(END_OF_MARCH).line(units("2", "2900.00"))
                .terms("Payment within 30 days."));
    }

    @Test
    void draft_numbersTheVersionsOfADealAndKeepsTheLines() {
        Offer first = draftOne();
        Offer second = offers(SAM).draft(deal.id(), NewOffer.validUntil(END_OF_MARCH).line(units("3", "2800.00")));

        Offer read = offers(SAM).get(first.id());
        assertThat(read.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(read.status()).isEqualTo(OfferStatus.DRAFT);
        assertThat(read.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(read.lines()).containsExactly(units("2", "2900.00"));
        assertThat(read.terms()).contains("Payment within 30 days.");
        assertThat(read.validUntil()).isEqualTo(END_OF_MARCH);
        assertThat(read.createdBy()).isEqualTo("sam");
        assertThat(read.opportunityId()).isEqualTo(deal.id());
        assertThat(read.customerId()).isEqualTo(acme.id());
        assertThat(offers(SAM).ofOpportunity(deal.id())).extracting(Offer::number).containsExactly(1, 2);
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.OFFER_DRAFTED)).hasSize(2)
                .allSatisfy(e -> assertThat(e.customerId()).isEqualTo(acme.id().value()));
    }

    @Test
    void totals_roundEachLineOnceAndTaxOncePerRate() {
        // 3 × 33.33 = 99.99 at 19 %; 2 × 10.00 less 15 % = 17.00 at 7 %; 1 × 0.05 at 19 %;
        // 0.5 h × 0.05 = 0.025, half up 0.03 (as invoices round), at 0 %.
        Offer offer = offers(SAM).draft(deal.id(), NewOffer.validUntil(END_OF_MARCH)
                .line(OfferLine.of("A", "Bolts", n("3"), eur("33.33"), n("19")))
                .line(OfferLine.of("B", "Manual", n("2"), eur("10.00"), n("7")).discount(n("15"), "loyal customer"))
                .line(OfferLine.of("C", "Sticker", n("1"), eur("0.05"), n("19.00")))
                .line(OfferLine.of("D", "Advice", n("0.5"), eur("0.05"), n("0")).unit("h")));

        OfferTotals totals = offers(SAM).get(offer.id()).totals();
        assertThat(totals.net()).isEqualTo(eur("117.07"));
        assertThat(totals.taxes()).containsExactly(
                new TaxAmount(n("0"), eur("0.03"), eur("0.00")),
                new TaxAmount(n("7"), eur("17.00"), eur("1.19")),
                // 19 % of 100.04 = 19.0076
                new TaxAmount(n("19"), eur("100.04"), eur("19.01")));
        assertThat(totals.tax()).isEqualTo(eur("20.20"));
        assertThat(totals.gross()).isEqualTo(eur("137.27"));
        OfferLine manual = offers(SAM).get(offer.id()).lines().get(1);
        assertThat(manual.discountReason()).isEqualTo("loyal customer");
        assertThat(manual.discountAmount()).isEqualTo(eur("3.00"));
        assertThat(offers(SAM).get(offer.id()).lines().get(3).unit()).isEqualTo("h");
    }

    @Test
    void lifeCycle_sentAcceptedAndTurnedIntoOneOrder() {
        Offer offer = draftOne();
        Offer sent = offers(SAM).save(offers(SAM).get(offer.id()).send());
        assertThat(sent.status()).isEqualTo(OfferStatus.SENT);
        assertThat(sent.sentAt()).contains(clock.instant());

        clock.advance(Duration.ofDays(3));
        Offer accepted = offers(SAM).save(offers(SAM).get(offer.id()).accept("PO 4711"));
        assertThat(accepted.status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(accepted.decidedAt()).contains(clock.instant());
        assertThat(accepted.decisionNote()).contains("PO 4711");

        SalesOrder order = offers(SAM).placeOrder(offer.id());
        assertThat(order.offerId()).isEqualTo(offer.id());
        assertThat(order.opportunityId()).isEqualTo(deal.id());
        assertThat(order.customerId()).isEqualTo(acme.id());
        assertThat(order.net()).isEqualTo(eur("5800.00"));
        assertThat(order.tax()).isEqualTo(eur("1102.00"));
        assertThat(order.gross()).isEqualTo(eur("6902.00"));
        assertThat(order.lines()).containsExactly(units("2", "2900.00"));
        assertThat(order.placedBy()).isEqualTo("sam");
        assertThat(offers(MIA).orderOf(offer.id())).contains(order);
        assertThatThrownBy(() -> offers(SAM).placeOrder(offer.id())).isInstanceOf(ConflictException.class)
                .hasMessageContaining("order " + order.id());

        crm.deliverEvents();
        assertThat(delivered).extracting(DomainEvent::type).containsSubsequence(EventTypes.OFFER_DRAFTED,
                EventTypes.OFFER_SENT, EventTypes.OFFER_ACCEPTED, EventTypes.ORDER_PLACED);
        DomainEvent placed = delivered.stream().filter(e -> e.type().equals(EventTypes.ORDER_PLACED)).findFirst()
                .orElseThrow();
        assertThat(placed.data()).containsEntry("gross", "6902.00").containsEntry("currency", "EUR")
                .containsEntry("offer", Long.toString(offer.id().value()));
        assertThat(placed.aggregateId()).isEqualTo(order.id().value());
    }

    @Test
    void onlyADraftIsEdited_aSentOfferIsRevisedIntoTheNextVersion() {
        Offer offer = draftOne();
        Offer edited = offers(SAM).save(offers(SAM).get(offer.id()).addLine(units("1", "100.00"))
                .terms("Payment within 14 days."));
        assertThat(edited.lines()).hasSize(2);
        assertThat(edited.version()).isEqualTo(offer.version() + 1);
        offers(SAM).save(edited.send());

        Offer sent = offers(SAM).get(offer.id());
        assertThatThrownBy(() -> sent.addLine(units("1", "1.00"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("only a draft");
        Offer revised = offers(SAM).revise(offer.id());
        assertThat(revised.number()).isEqualTo(2);
        assertThat(revised.status()).isEqualTo(OfferStatus.DRAFT);
        assertThat(revised.lines()).isEqualTo(sent.lines());
        assertThat(revised.terms()).contains("Payment within 14 days.");
        offers(SAM).save(revised.removeLine(1).replaceLine(0, units("2", "2750.00")));
        assertThat(offers(SAM).get(revised.id()).totals().net()).isEqualTo(eur("5500.00"));
        assertThat(offers(SAM).get(offer.id()).lines()).hasSize(2);
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.OFFER_UPDATED))
                .first().satisfies(e -> assertThat(e.data().get("fields")).isEqualTo("lines,terms"));
    }

    @Test
    void rejectedForAReasonAndExpiredOnlyAfterItsLastDay() {
        Offer a = draftOne();
        offers(SAM).save(offers(SAM).get(a.id()).send());
        assertThatThrownBy(() -> offers(SAM).get(a.id()).reject(" ")).isInstanceOf(ValidationException.class);
        Offer rejected = offers(SAM).save(offers(SAM).get(a.id()).reject("Too expensive"));
        assertThat(rejected.status()).isEqualTo(OfferStatus.REJECTED);
        assertThat(rejected.decisionNote()).contains("Too expensive");

        Offer b = offers(SAM).revise(a.id());
        offers(SAM).save(offers(SAM).get(b.id()).send());
        assertThatThrownBy(() -> offers(SAM).save(offers(SAM).get(b.id()).expire()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("valid until 2026-03-31");
        clock.advance(Duration.ofDays(30));
        assertThatThrownBy(() -> offers(SAM).save(offers(SAM).get(b.id()).accept(null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("was valid until 2026-03-31");
        assertThat(offers(SAM).save(offers(SAM).get(b.id()).expire()).status()).isEqualTo(OfferStatus.EXPIRED);
        crm.deliverEvents();
        assertThat(delivered).extracting(DomainEvent::type).contains(EventTypes.OFFER_REJECTED, EventTypes.OFFER_EXPIRED);
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.OFFER_REJECTED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("reason", "Too expensive"));
    }

    @Test
    void onlyOneOfferOfADealIsAcceptedAndOnlyAnAcceptedOneBecomesAnOrder() {
        Offer a = draftOne();
        Offer b = offers(SAM).draft(deal.id(), NewOffer.validUntil(END_OF_MARCH).line(units("1", "3000.00")));
        offers(SAM).save(offers(SAM).get(a.id()).send());
        offers(SAM).save(offers(SAM).get(b.id()).send());
        assertThatThrownBy(() -> offers(SAM).placeOrder(a.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("only an accepted offer");
        offers(SAM).save(offers(SAM).get(a.id()).accept(null));
        assertThatThrownBy(() -> offers(SAM).save(offers(SAM).get(b.id()).accept(null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("accepted already");
        assertThat(offers(SAM).get(b.id()).status()).isEqualTo(OfferStatus.SENT);
    }

    @Test
    void concurrentAcceptsAndDrafts_oneOfferOfADealIsAcceptedAndNumbersNeverClash() throws Exception {
        Offer a = draftOne();
        Offer b = offers(SAM).draft(deal.id(), NewOffer.validUntil(END_OF_MARCH).line(units("1", "3000.00")));
        offers(SAM).save(offers(SAM).get(a.id()).send());
        offers(SAM).save(offers(SAM).get(b.id()).send());
        Offer firstCopy = offers(SAM).get(a.id());
        Offer secondCopy = offers(MIA).get(b.id());
        List<String> accepts = inParallel(
                () -> offers(SAM).save(firstCopy.accept(null)),
                () -> offers(MIA).save(secondCopy.accept(null)));
        assertThat(accepts).containsExactlyInAnyOrder("done", "refused");
        assertThat(offers(SAM).ofOpportunity(deal.id())).filteredOn(o -> o.status() == OfferStatus.ACCEPTED).hasSize(1);

        Opportunity other = as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "Spare parts", pipeline.id())
                .expectedClose(LocalDate.of(2026, 6, 30)));
        List<String> drafts = inParallel(
                () -> offers(SAM).draft(other.id(), NewOffer.validUntil(END_OF_MARCH)),
                () -> offers(MIA).draft(other.id(), NewOffer.validUntil(END_OF_MARCH)));
        assertThat(drafts).containsExactly("done", "done");
        assertThat(offers(SAM).ofOpportunity(other.id())).extracting(Offer::number).containsExactly(1, 2);
    }



    @Test
    void badInput_isRefusedWithEveryBrokenRuleAndNothingIsWritten() {
        assertThatThrownBy(() -> offers(SAM).draft(deal.id(), NewOffer.validUntil(LocalDate.of(2026, 3, 1))
                .line(OfferLine.of("X", "In dollars", n("1"), Money.of("10.00", "USD"), n("19")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).contains("lines[0].unitPrice", "validUntil"));
        assertThatThrownBy(() -> OfferLine.of(" ", null, n("-1"), eur("-5.00"), n("101")).discount(n("5"), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).contains("line.code", "line.description", "line.quantity",
                                "line.unitPrice", "line.taxRate"));
        assertThatThrownBy(() -> units("1", "10.00").discount(n("5"), " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("line.discountReason"));
        assertThatThrownBy(() -> units("1.00001", "10.00")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("decimal places");
        Offer empty = offers(SAM).draft(deal.id(), NewOffer.validUntil(END_OF_MARCH));
        assertThatThrownBy(() -> offers(SAM).save(offers(SAM).get(empty.id()).send()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("lines"));
        assertThat(offers(SAM).get(empty.id()).status()).isEqualTo(OfferStatus.DRAFT);
        assertThat(offers(SAM).ofOpportunity(deal.id())).hasSize(1);
        assertThatThrownBy(() -> offers(SAM).draft(deal.id(), null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> offers(SAM).get(OfferId.of(999_999))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void offersAreMadeOnlyOnOpenDeals() {
        Offer offer = draftOne();
        as(SAM).opportunities().save(as(SAM).opportunities().get(deal.id()).win("PRICE", null));
        assertThatThrownBy(() -> draftOne()).isInstanceOf(ValidationException.class).hasMessageContaining("won");
        assertThatThrownBy(() -> offers(SAM).save(offers(SAM).get(offer.id()).send()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("open deals");
    }

    @Test
    void aStaleCopyIsAConflictAndNothingIsLost() {
        Offer offer = draftOne();
        Offer first = offers(SAM).get(offer.id());
        Offer second = offers(MIA).get(offer.id());
        offers(SAM).save(first.addLine(units("1", "1.00")));
        assertThatThrownBy(() -> offers(MIA).save(second.terms("Cash only"))).isInstanceOf(ConflictException.class);
        Offer read = offers(SAM).get(offer.id());
        assertThat(read.lines()).hasSize(2);
        assertThat(read.terms()).contains("Payment within 30 days.");
    }

    @Test
    void needToKnow_followsTheDeal() {
        Offer offer = draftOne();
        assertThat(offers(MIA).get(offer.id()).number()).isEqualTo(1);
        assertThat(offers(CARL).ofOpportunity(deal.id())).hasSize(1);
        assertThat(offers(ADA).get(offer.id()).id()).isEqualTo(offer.id());
        assertThatThrownBy(() -> offers(PIA).get(offer.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers(OTTO).ofOpportunity(deal.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers(PIA).draft(deal.id(), NewOffer.validUntil(END_OF_MARCH)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers(PIA).save(offers(SAM).get(offer.id()).send()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers(PIA).revise(offer.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> offers(PIA).orderOf(offer.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(offers(SAM).get(offer.id()).status()).isEqualTo(OfferStatus.DRAFT);
    }

    @Test
    void offerWork_isActivityOnTheDealAndLeavesItsVersionAlone() {
        StallCriteria idle = StallCriteria.idleFor(7).pastExpectedClose(false).build();
        clock.advance(Duration.ofDays(8));
        assertThat(as(SAM).opportunities().stalled(idle).items()).extracting(StalledDeal::id).containsExactly(deal.id());
        Opportunity before = as(SAM).opportunities().get(deal.id());

        Offer offer = draftOne();
        assertThat(as(SAM).opportunities().stalled(idle).items()).isEmpty();
        clock.advance(Duration.ofDays(8));
        offers(SAM).save(offers(SAM).get(offer.id()).send());
        assertThat(as(SAM).opportunities().stalled(idle).items()).isEmpty();
        clock.advance(Duration.ofDays(8));
        assertThat(as(SAM).opportunities().stalled(idle).items()).extracting(StalledDeal::lastActivityAt)
                .containsExactly(clock.instant().minus(Duration.ofDays(8)));

        assertThat(as(SAM).opportunities().save(before.rename("CNC units, 2 lines")).version())
                .isEqualTo(before.version() + 1);
    }

    @Test
    void revise_startsFromASentRejectedOrExpiredOfferAndKeepsItValid() {
        Offer a = draftOne();
        assertThatThrownBy(() -> offers(SAM).revise(a.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("draft");
        offers(SAM).save(offers(SAM).get(a.id()).send());
        clock.advance(Duration.ofDays(40));
        offers(SAM).save(offers(SAM).get(a.id()).expire());
        // drafted 2026-03-02, valid until 2026-03-31 (29 days); revised on 2026-04-11
        Offer revised = offers(SAM).revise(a.id());
        assertThat(revised.validUntil()).isEqualTo(LocalDate.of(2026, 5, 10));
        offers(SAM).save(offers(SAM).get(revised.id()).send());
        offers(SAM).save(offers(SAM).get(revised.id()).accept(null));
        assertThatThrownBy(() -> offers(SAM).revise(revised.id())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("accepted");
    }

    @Test
    void theDealsOwnerAddressesItsOffersWhileTheDealIsOpen_theCustomersOwnerAlways() {
        Offer offer = draftOne();
        as(MIA).opportunities().save(as(MIA).opportunities().get(deal.id()).assignOwner("pia"));
        customersOf(SAM).addContact(acme.id(), org.crm4j.customer.NewContact.named("Eva Novak").jobTitle("CFO")
                .primary());
        // pia's open deal lets her read sam's customer
        assertThat(customersOf(PIA).get(acme.id()).name()).isEqualTo("ACME");

        OfferAddressee to = offers(PIA).addressee(offer.id());
        assertThat(to.customerName()).isEqualTo("ACME");
        assertThat(to.contactName()).isEqualTo("Eva Novak");
        assertThat(to.contactJobTitle()).isEqualTo("CFO");
        String html = OfferDocuments.standard().renderHtml(as(PIA), offer.id());
        assertThat(html).contains("ACME", "Attn. Eva Novak, CFO", "CNC unit");
        // sam owns the customer: he sees pia's deal on it and addresses its offers
        assertThat(offers(SAM).addressee(offer.id())).isEqualTo(to);
        assertThatThrownBy(() -> OfferDocuments.standard().renderHtml(as(OTTO), offer.id()))
                .isInstanceOf(AccessDeniedException.class);

        // the deal closed, pia still sees her offer but may no longer read the customer's address
        as(PIA).opportunities().save(as(PIA).opportunities().get(deal.id()).lose("PRICE", null, "Globex", null));
        assertThat(offers(PIA).get(offer.id()).id()).isEqualTo(offer.id());
        assertThatThrownBy(() -> offers(PIA).addressee(offer.id())).isInstanceOfSatisfying(AccessDeniedException.class,
                e -> assertThat(e.actorId()).isEqualTo("pia"));
        assertThatThrownBy(() -> customersOf(PIA).get(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(offers(SAM).addressee(offer.id())).isEqualTo(to);
    }

    @Test
    void offerSentRule_countsARejectedOfferAsSent() {
        Offer offer = draftOne();
        offers(SAM).save(offers(SAM).get(offer.id()).send());
        offers(SAM).save(offers(SAM).get(offer.id()).reject("Too expensive"));
        Opportunity moved = as(SAM).opportunities().save(as(SAM).opportunities().get(deal.id())
                .advanceTo("PROPOSAL"));
        assertThat(as(SAM).opportunities().save(moved.advanceTo("NEGOTIATION")).stageCode()).isEqualTo("NEGOTIATION");
    }

    @Test
    void offerSentRule_refusesTheStageUntilAnOfferWentOut() {
        Offer offer = draftOne();
        assertThatThrownBy(() -> as(SAM).opportunities().save(as(SAM).opportunities().get(deal.id())
                .advanceTo("PROPOSAL").advanceTo("NEGOTIATION")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("offer-sent-required"));
        offers(SAM).save(offers(SAM).get(offer.id()).send());
        Opportunity moved = as(SAM).opportunities().save(as(SAM).opportunities().get(deal.id())
                .advanceTo("NEGOTIATION"));
        assertThat(moved.stageCode()).isEqualTo("NEGOTIATION");
        assertThat(List.of(moved.probability())).containsExactly(80);
    }
}
