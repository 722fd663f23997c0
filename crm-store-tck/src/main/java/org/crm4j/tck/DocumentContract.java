package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.common.BillingPeriod;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.CustomerDocumentId;
import org.crm4j.customer.DocumentOrigin;
import org.crm4j.customer.NewCustomer;
import org.crm4j.document.CustomerDocuments;
import org.crm4j.document.NewCustomerDocument;
import org.crm4j.event.DomainEvent;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.sales.NewServiceContract;
import org.crm4j.sales.ServiceContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customer's papers (R12): an offer's document, a service's contract and other papers kept on
 * the customer once, listed on the card and by customer, read back byte for byte, under
 * need-to-know (an offer's paper is its deal owner's record, a contract its salesperson's, another
 * paper whoever kept it), and bad input refused naming each field.
 */
public abstract class DocumentContract extends ContractBase {
    private Customer acme;
    private Opportunity ritasDeal;
    private Offer offer;

    @BeforeEach
    void acmeWithRitasDealAndOffer() {
        directory.add("rita", "otto");
        Pipeline pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")).wonReasons("PRICE").lostReasons("PRICE"));
        acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        ritasDeal = as(ADA).opportunities().open(NewOpportunity.on(acme.id(), "CNC units", pipeline.id())
                .owner("rita").expectedClose(LocalDate.of(2026, 6, 30)).amount(Money.of("10000", "EUR")));
        offer = as(ADA).offers().draft(ritasDeal.id(), NewOffer.validUntil(LocalDate.of(2026, 3, 31))
                .line(OfferLine.of("CNC-40", "CNC unit", BigDecimal.ONE, Money.of("10000", "EUR"), new BigDecimal("19"))));
    }

    private CustomerDocuments documents(org.crm4j.access.Actor actor) {
        return as(actor).documents();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long kept() {
        crm.deliverEvents();
        return delivered.stream().map(DomainEvent::type).filter("document.kept"::equals).count();
    }

    @Test
    void anOffersPaperIsKeptOnce_listedOnTheCard_andReadBackByteForByte() {
        byte[] html = utf8("<html><body>Offer for ACME: 10.000,00 EUR</body></html>");
        CustomerDocument paper = documents(SAM).keep(NewCustomerDocument.ofOffer(offer.id(), "Offer 1",
                "text/html; charset=utf-8", html));

        assertThat(paper.customerId()).isEqualTo(acme.id());
        assertThat(paper.origin()).isEqualTo(DocumentOrigin.OFFER);
        assertThat(paper.source()).hasValue(offer.id().value());
        assertThat(paper.fileName()).isEqualTo("Offer 1.html");
        assertThat(paper.size()).isEqualTo(html.length);
        assertThat(paper.sha256()).hasSize(64);
        assertThat(paper.ownerId()).as("the deal's owner").isEqualTo("rita");
        assertThat(paper.keptBy()).isEqualTo("sam");
        assertThat(documents(SAM).content(paper.id())).isEqualTo(html);
        assertThat(documents(SAM).get(paper.id())).isEqualTo(paper);

        // the same content for the same offer is the same document; another is a second one
        assertThat(documents(MIA).keep(NewCustomerDocument.ofOffer(offer.id(), "Offer 1 again", "text/html", html)))
                .isEqualTo(paper);
        CustomerDocument pdf = documents(SAM).keep(NewCustomerDocument.ofOffer(offer.id(), "Offer 1", "application/pdf",
                utf8("%PDF-1.7 ...")).fileName("offer-1.pdf"));
        assertThat(pdf.id()).isNotEqualTo(paper.id());
        assertThat(kept()).isEqualTo(2);

        // the card lists them, latest first (the same instant: the higher id first), with their history
        clock.advance(java.time.Duration.ofMinutes(1));
        CustomerDocument report = documents(SAM).keep(NewCustomerDocument.other(acme.id(), "Visit report", "text/plain",
                utf8("Met the CFO.")));
        assertThat(customersOf(SAM).card(acme.id()).documents()).extracting(CustomerDocument::id)
                .containsExactly(report.id(), pdf.id(), paper.id());
        assertThat(customersOf(SAM).card(acme.id()).latestHistory()).filteredOn(e -> e.type().equals("document.kept"))
                .extracting(DomainEvent::aggregateId).containsExactly(report.id().value(), pdf.id().value(),
                        paper.id().value());
        assertThat(documents(SAM).ofCustomer(acme.id(), 2)).extracting(CustomerDocument::id)
                .containsExactly(report.id(), pdf.id());
    }

    @Test
    void anOffersAndAServicesDocumentsAreGeneratedFromTemplates_andKeptOnTheCustomer() {
        customersOf(SAM).save(customersOf(SAM).get(acme.id()).moveTo(org.crm4j.common.Address.of("Berlin", "DE")));
        CustomerDocument offerPaper = org.crm4j.reports.document.OfferDocuments.standard()
                .with("seller", java.util.Map.of("name", "Kowalski Machines")).keep(as(SAM), offer.id());
        ServiceContract hosting = as(SAM).sales().addService(acme.id(), NewServiceContract.of("HOST-M", "Managed hosting",
                LocalDate.of(2026, 4, 1), BillingPeriod.MONTH, Money.of("450.00", "EUR")).endsOn(LocalDate.of(2027, 3, 31))
                .externalRef(org.crm4j.common.ExternalRef.of("ERP", "C-42")));
        var contracts = org.crm4j.reports.document.ContractDocuments.standard().clock(clock)
                .with("seller", java.util.Map.of("name", "Kowalski Machines"));
        CustomerDocument contract = contracts.keep(as(SAM), hosting.id());

        String offerHtml = new String(documents(SAM).content(offerPaper.id()), StandardCharsets.UTF_8);
        assertThat(offerHtml).contains("Kowalski Machines").contains("ACME").contains("CNC unit");
        assertThat(offerPaper.title()).isEqualTo("Offer " + offer.number());
        assertThat(offerPaper.mediaType()).isEqualTo("text/html; charset=utf-8");
        String contractHtml = new String(documents(SAM).content(contract.id()), StandardCharsets.UTF_8);
        assertThat(contractHtml).contains("Service contract: Managed hosting").contains("ACME").contains("Berlin")
                .contains("2026-04-01").contains("2027-03-31").contains("450.00 EUR per month").contains("C-42")
                .contains("Date 2026-03-02");
        assertThat(contract.origin()).isEqualTo(DocumentOrigin.SERVICE_CONTRACT);
        assertThat(contract.title()).isEqualTo("Service contract Managed hosting (C-42)");
        // generated again the same day: the same paper, kept once
        assertThat(contracts.keep(as(SAM), hosting.id())).isEqualTo(contract);
        assertThat(customersOf(SAM).card(acme.id()).documents()).extracting(CustomerDocument::id)
                .containsExactlyInAnyOrder(offerPaper.id(), contract.id());
    }

    @Test
    void whoSeesAPaper_isWhoSeesItsRecord_theCustomersLineOrTheRecordOwnersLine() {
        CustomerDocument offerPaper = documents(ADA).keep(NewCustomerDocument.ofOffer(offer.id(), "Offer 1", "text/html",
                utf8("<p>offer</p>")));
        ServiceContract hosting = as(SAM).sales().addService(acme.id(), NewServiceContract.of("HOST", "Hosting",
                LocalDate.of(2026, 1, 1), BillingPeriod.MONTH, Money.of("100.00", "EUR")).salesperson("rita"));
        CustomerDocument contract = documents(SAM).keep(NewCustomerDocument.ofServiceContract(hosting.id(), "Contract",
                "text/html", utf8("<p>contract</p>")));
        CustomerDocument report = documents(SAM).keep(NewCustomerDocument.other(acme.id(), "Visit report", "text/plain",
                utf8("Met the CFO.")));
        assertThat(contract.ownerId()).as("the service's salesperson").isEqualTo("rita");
        assertThat(report.ownerId()).as("whoever kept it").isEqualTo("sam");

        // sam's line sees all three; rita's line the two that are hers (she may open ACME: her deal is open)
        for (org.crm4j.access.Actor customerLine : List.of(SAM, MIA, CARL, ADA)) {
            assertThat(documents(customerLine).ofCustomer(acme.id(), 10)).as(customerLine.id())
                    .extracting(CustomerDocument::id).containsExactlyInAnyOrder(offerPaper.id(), contract.id(), report.id());
        }
        for (org.crm4j.access.Actor recordLine : List.of(org.crm4j.access.Actor.of("rita"), OTTO)) {
            assertThat(documents(recordLine).ofCustomer(acme.id(), 10)).as(recordLine.id())
                    .extracting(CustomerDocument::id).containsExactlyInAnyOrder(offerPaper.id(), contract.id());
            assertThat(as(recordLine).customers().card(acme.id()).documents()).extracting(CustomerDocument::id)
                    .containsExactlyInAnyOrder(offerPaper.id(), contract.id());
            assertThatThrownBy(() -> documents(recordLine).get(report.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> documents(recordLine).content(report.id())).isInstanceOf(AccessDeniedException.class);
        }
        // a peer sees none, and may not list them
        assertThatThrownBy(() -> documents(PIA).ofCustomer(acme.id(), 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents(PIA).content(offerPaper.id())).isInstanceOf(AccessDeniedException.class);
        // keeping needs what seeing the source needs
        assertThatThrownBy(() -> documents(PIA).keep(NewCustomerDocument.ofOffer(offer.id(), "Mine", "text/html",
                utf8("x")))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> documents(PIA).keep(NewCustomerDocument.other(acme.id(), "Mine", "text/plain",
                utf8("x")))).isInstanceOf(AccessDeniedException.class);
        // rita may keep a paper on the customer of her open deal; it is hers
        assertThat(documents(org.crm4j.access.Actor.of("rita")).keep(NewCustomerDocument.other(acme.id(), "Call notes",
                "text/plain", utf8("called"))).ownerId()).isEqualTo("rita");
    }

    @Test
    void badPapersAreRefusedNamingEachField_andUnknownOnesAreNotFound() {
        assertThatThrownBy(() -> documents(SAM).keep(NewCustomerDocument.other(acme.id(), " ", "text html", new byte[0])
                .fileName("../etc/passwd")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field)
                        .containsExactlyInAnyOrder("title", "mediaType", "content", "fileName"));
        assertThatThrownBy(() -> documents(SAM).keep(NewCustomerDocument.other(acme.id(), "Huge", "application/pdf",
                new byte[NewCustomerDocument.MAX_BYTES + 1])))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::rule).containsExactly("Size"));
        assertThatThrownBy(() -> documents(SAM).keep(NewCustomerDocument.other(acme.id(), "Broken \u0000 title",
                "text/plain", utf8("x")))).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                        e.violations()).extracting(ValidationException.Violation::field).containsExactly("title"));
        assertThatThrownBy(() -> documents(SAM).keep(NewCustomerDocument.ofOffer(org.crm4j.pipeline.OfferId.of(999_999),
                "Offer", "text/html", utf8("x")))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents(SAM).get(CustomerDocumentId.of(999_999))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents(SAM).content(CustomerDocumentId.of(999_999)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> documents(SAM).ofCustomer(acme.id(), 0)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> documents(SAM).ofCustomer(org.crm4j.customer.CustomerId.of(999_999), 10))
                .isInstanceOf(NotFoundException.class);
        assertThat(documents(SAM).ofCustomer(acme.id(), 10)).isEmpty();
        assertThat(kept()).isZero();
    }
}
