package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.SalesOrder;
import org.crm4j.common.BillingPeriod;
import org.crm4j.sales.DocumentKind;
import org.crm4j.sales.InvoiceBalance;
import org.crm4j.sales.NewPayment;
import org.crm4j.sales.NewSalesDocument;
import org.crm4j.customer.CustomerCard;
import org.crm4j.customer.ServiceSummary;
import org.crm4j.sales.NewServiceContract;
import org.crm4j.sales.SalesLookup;
import org.crm4j.sales.CommissionBasis;
import org.crm4j.sales.CommissionEarning;
import org.crm4j.sales.CommissionLine;
import org.crm4j.sales.CommissionPlan;
import org.crm4j.sales.CommissionStatement;
import org.crm4j.sales.NewCommissionPlan;
import org.crm4j.plugin.SalesSource;
import org.crm4j.sales.RejectedDocument;
import org.crm4j.sales.SalesImportOptions;
import org.crm4j.sales.SalesImportReport;
import org.crm4j.sales.SalesMatches;
import org.crm4j.sales.ServiceCard;
import org.crm4j.activity.NewRequest;
import org.crm4j.activity.Request;
import org.crm4j.sales.Payment;
import org.crm4j.sales.Receipt;
import org.crm4j.sales.ReceiptOutcome;
import org.crm4j.sales.Sales;
import org.crm4j.sales.SalesDocument;
import org.crm4j.sales.SalesLine;
import org.crm4j.customer.SalesSummary;
import org.crm4j.sales.ServiceContract;
import org.crm4j.sales.ServiceStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What customers buy: services under contract, orders, invoices and credit notes and payments from
 * the ERP (idempotent by the ERP's reference), what is outstanding, and who sees it. The clock of
 * {@link ContractBase} stands on 2026-03-02; ACME is sam's and known to the ERP as {@code erp:ALFKI}.
 */
public abstract class SalesContract extends ContractBase {
    private static final ExternalRef ALFKI = ExternalRef.of("erp", "ALFKI");
    private static final LocalDate JAN_10 = LocalDate.of(2026, 1, 10);
    private static final LocalDate FEB_2 = LocalDate.of(2026, 2, 2);

    private Customer acme;

    /** An ERP crm4j pulls from: it gives the pages queued, and notes the checkpoints it was asked with. */
    private final FakeErp erp = new FakeErp();

    private static final class FakeErp implements SalesSource {
        final java.util.Deque<Page> pages = new java.util.ArrayDeque<>();
        final List<String> asked = new ArrayList<>();

        @Override
        public String id() {
            return "fake-erp";
        }

        @Override
        public Page pull(String checkpoint) {
            asked.add(checkpoint);
            Page page = pages.poll();
            return page == null ? new Page(List.of(), List.of(), null, false) : page;
        }
    }

    @Override
    protected org.crm4j.Crm.Builder configure(org.crm4j.Crm.Builder builder) {
        return super.configure(builder).salesSource(erp);
    }

    @BeforeEach
    void customerKnownToTheErp() {
        acme = customersOf(SAM).create(NewCustomer.company("ACME").externalRef(ALFKI));
    }

    private Sales sales(org.crm4j.access.Actor actor) {
        return as(actor).sales();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    private static ExternalRef erp(String id) {
        return ExternalRef.of("erp", id);
    }

    /** An invoice of ACME: 10 × 100.00 less 10 % and 20 % tax (net 900.00, gross 1,080.00), and a service line. */
    private static NewSalesDocument invoice(String ref) {
        return NewSalesDocument.invoice(erp(ref), "EUR", FEB_2).customerRef(ALFKI).dueOn(LocalDate.of(2026, 3, 1))
                .salesperson("sam")
                .line(SalesLine.of("CNC-1", n("10"), n("100.00")).group("machines").unit("pcs")
                        .discount(n("10"), "framework agreement").taxRate(n("20")).cost(n("600")))
                .line(SalesLine.of("SETUP", n("1"), n("0")).description("set-up, free of charge"));
    }

    private List<String> eventTypes() {
        crm.deliverEvents();
        return delivered.stream().map(DomainEvent::type).toList();
    }

    // ---- services

    @Test
    void aServiceIsRecordedWithItsTermsAndReadBackWithItsStatusAndMargin() {
        ServiceContract hosting = sales(SAM).addService(acme.id(), NewServiceContract.of("HOST-M", "Managed hosting M",
                        JAN_10, BillingPeriod.MONTH, eur("450.00"))
                .endsOn(LocalDate.of(2026, 12, 31)).cost(eur("310.00")).noticeDays(90)
                .externalRef(erp("C-2026-0042")).salesperson("sam"));

        ServiceContract read = sales(MIA).service(hosting.id());
        assertThat(read.productName()).isEqualTo("Managed hosting M");
        assertThat(read.status()).isEqualTo(ServiceStatus.ENDING);
        assertThat(read.marginPerPeriod()).contains(eur("140.00"));
        assertThat(read.noticeBy()).contains(LocalDate.of(2026, 10, 2));
        assertThat(read.externalRef()).isEqualTo(erp("C-2026-0042"));
        ServiceContract openEnded = sales(SAM).addService(acme.id(), NewServiceContract.of("SUP", "Support", FEB_2,
                BillingPeriod.YEAR, eur("1200.00")));
        assertThat(openEnded.status()).isEqualTo(ServiceStatus.ACTIVE);
        assertThat(sales(SAM).services(acme.id())).extracting(ServiceContract::productCode)
                .containsExactly("SUP", "HOST-M");
        assertThat(eventTypes()).containsSubsequence("service.added", "service.added");
    }

    @Test
    void aCancelledServiceKeepsItsReasonAndCannotBeCancelledTwice() {
        ServiceContract s = sales(SAM).addService(acme.id(), NewServiceContract.of("SUP", "Support", JAN_10,
                BillingPeriod.YEAR, eur("1200.00")).autoRenew(true));
        ServiceContract cancelled = sales(SAM).cancelService(s.id(), "moved to a competitor", FEB_2);
        assertThat(cancelled.status()).isEqualTo(ServiceStatus.CANCELLED);
        assertThat(sales(ADA).service(s.id()).cancelReason()).isEqualTo("moved to a competitor");
        assertThatThrownBy(() -> sales(SAM).cancelService(s.id(), "again", FEB_2))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sales(SAM).cancelService(s.id(), " ", FEB_2))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("reason"));
    }

    @Test
    void aServiceWithBrokenTermsIsRefusedWithEveryRuleNamed() {
        assertThatThrownBy(() -> sales(SAM).addService(acme.id(), NewServiceContract.of(" ", null, FEB_2,
                        BillingPeriod.MONTH, eur("10.00")).endsOn(JAN_10).cost(Money.of("5.00", "USD")).noticeDays(-1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.rule())
                        .containsExactlyInAnyOrder("productCode:NotBlank", "productName:NotBlank", "endsOn:Order",
                                "noticeDays:Range", "cost:Currency"));
        assertThat(sales(SAM).services(acme.id())).isEmpty();
    }

    @Test
    void aServiceWithAReferenceTakenIsAConflict() {
        sales(SAM).addService(acme.id(), NewServiceContract.of("SUP", "Support", JAN_10, BillingPeriod.YEAR,
                eur("1200.00")).externalRef(erp("C-1")));
        assertThatThrownBy(() -> sales(SAM).addService(acme.id(), NewServiceContract.of("SUP", "Support", JAN_10,
                BillingPeriod.YEAR, eur("1200.00")).externalRef(erp("C-1"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("erp:C-1");
    }

    // ---- documents

    @Test
    void anInvoiceIsStoredWithItsLinesAndTotalsAndFoundByTheCustomersErpReference() {
        Receipt<SalesDocument> receipt = sales(ADA).receive(invoice("INV-1"));

        assertThat(receipt.outcome()).isEqualTo(ReceiptOutcome.CREATED);
        SalesDocument read = sales(SAM).document(receipt.value().id());
        assertThat(read.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(read.customerId()).isEqualTo(acme.id());
        assertThat(read.net()).isEqualTo(eur("900.00"));
        assertThat(read.tax()).isEqualTo(eur("180.00"));
        assertThat(read.gross()).isEqualTo(eur("1080.00"));
        assertThat(read.lines()).hasSize(2);
        assertThat(read.lines().get(0)).isEqualTo(SalesLine.of("CNC-1", n("10"), n("100")).group("machines")
                .unit("pcs").discount(n("10"), "framework agreement").taxRate(n("20")).cost(n("600.0000")));
        assertThat(read.lines().get(1).description()).isEqualTo("set-up, free of charge");
        assertThat(eventTypes()).contains("sales-document.received");
    }

    @Test
    void theSameDocumentTwiceChangesNothingAndAChangedOneIsUpdatedAndAnnounced() {
        SalesDocument first = sales(ADA).receive(invoice("INV-1")).value();
        Receipt<SalesDocument> again = sales(ADA).receive(invoice("INV-1"));
        assertThat(again.outcome()).isEqualTo(ReceiptOutcome.UNCHANGED);
        assertThat(again.value().version()).isEqualTo(first.version());

        Receipt<SalesDocument> changed = sales(ADA).receive(invoice("INV-1")
                .line(SalesLine.of("FREIGHT", n("1"), n("50.00")).taxRate(n("20"))));
        assertThat(changed.outcome()).isEqualTo(ReceiptOutcome.UPDATED);
        assertThat(changed.value().version()).isEqualTo(first.version() + 1);
        assertThat(sales(SAM).document(first.id()).gross()).isEqualTo(eur("1140.00"));
        assertThat(sales(SAM).document(first.id()).lines()).hasSize(3);
        assertThat(sales(SAM).documents(acme.id(), 10)).hasSize(1);
        assertThat(eventTypes().stream().filter(t -> t.startsWith("sales-document."))).containsExactly(
                "sales-document.received", "sales-document.changed");
    }

    @Test
    void aReferenceOfAnotherKindOrCustomerIsAConflictAndUnknownReferencesAreNamed() {
        sales(ADA).receive(invoice("INV-1"));
        assertThatThrownBy(() -> sales(ADA).receive(NewSalesDocument.order(erp("INV-1"), "EUR", FEB_2)
                .customer(acme.id()).line(SalesLine.of("X", n("1"), n("1")))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("erp:INV-1");
        assertThatThrownBy(() -> sales(ADA).receive(NewSalesDocument.invoice(erp("INV-2"), "EUR", FEB_2)
                .customerRef(erp("NOBODY")).line(SalesLine.of("X", n("1"), n("1")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("customerRef"));
        assertThatThrownBy(() -> sales(ADA).receive(NewSalesDocument.creditNote(erp("CN-1"), "EUR", FEB_2,
                        erp("INV-404")).customer(acme.id()).line(SalesLine.of("X", n("1"), n("1")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("reverses"));
    }

    @Test
    void aBrokenDocumentIsRefusedWithEveryRuleNamedAndNothingStored() {
        assertThatThrownBy(() -> sales(ADA).receive(NewSalesDocument.of(DocumentKind.INVOICE, erp("INV-9"), "XYZ")
                        .customer(acme.id()).customerRef(ALFKI).dueOn(FEB_2)
                        .line(SalesLine.of("", n("-1"), n("1.00001")).discount(n("101"), null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field() + ":" + v.rule())
                        .containsExactlyInAnyOrder("currency:Currency", "customer:OneOf", "invoicedOn:NotNull",
                                "lines[0].productCode:NotBlank", "lines[0].quantity:PositiveOrZero",
                                "lines[0].unitPrice:Digits", "lines[0].discountPercent:Range"));
        assertThatThrownBy(() -> sales(ADA).receive(NewSalesDocument.invoice(erp("INV-9"), "EUR", FEB_2)
                .customer(acme.id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("lines"));
        assertThat(sales(ADA).documents(acme.id(), 10)).isEmpty();
    }

    @Test
    void anInvoiceOfAnOrderLinksBackToTheDealAndItsCampaign() {
        Pipeline pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")).wonReasons("PRICE").lostReasons("PRICE"));
        Opportunity deal = as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "CNC units", pipeline.id())
                .expectedClose(LocalDate.of(2026, 6, 30)).amount(eur("900")).source("campaign:77"));
        SalesDocument order = sales(ADA).receive(NewSalesDocument.order(erp("SO-4711"), "EUR", JAN_10)
                .customer(acme.id()).opportunity(deal.id().value()).line(SalesLine.of("CNC-1", n("10"), n("90")))).value();

        SalesDocument inv = sales(ADA).receive(invoice("INV-1").order(erp("SO-4711"))).value();

        assertThat(inv.orderId()).isEqualTo(order.id());
        assertThat(inv.opportunity()).contains(deal.id().value());
        assertThat(inv.campaign()).contains(77L);
        assertThat(sales(SAM).documents(acme.id(), 10)).extracting(SalesDocument::kind)
                .containsExactly(DocumentKind.INVOICE, DocumentKind.ORDER);
    }

    @Test
    void anOrderPlacedByTheCrmAndAcknowledgedByTheErpAttributesItsInvoiceToTheDealAndCampaign() {
        Pipeline pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")).wonReasons("PRICE").lostReasons("PRICE"));
        Opportunity deal = as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "CNC units", pipeline.id())
                .expectedClose(LocalDate.of(2026, 6, 30)).amount(eur("5800")).source("campaign:77"));
        Offer offer = as(SAM).offers().draft(deal.id(), NewOffer.validUntil(LocalDate.of(2026, 3, 31))
                .line(OfferLine.of("CNC-40", "CNC unit", n("2"), eur("2900.00"), n("19"))
                        .discount(n("5"), "framework agreement")));
        as(SAM).offers().save(as(SAM).offers().get(offer.id()).send());
        as(SAM).offers().save(as(SAM).offers().get(offer.id()).accept("PO 4711"));
        SalesOrder placed = as(SAM).offers().placeOrder(offer.id());

        // the ERP takes the order from order.placed and acknowledges it under its own number
        Receipt<SalesDocument> ack = sales(ADA).acknowledgeOrder(placed.id(), erp("SO-4711"));

        assertThat(ack.outcome()).isEqualTo(ReceiptOutcome.CREATED);
        SalesDocument order = ack.value();
        assertThat(order.kind()).isEqualTo(DocumentKind.ORDER);
        assertThat(order.externalRef()).isEqualTo(erp("SO-4711"));
        assertThat(order.opportunity()).contains(deal.id().value());
        assertThat(order.campaign()).contains(77L);
        assertThat(order.salespersonId()).isEqualTo("sam");
        assertThat(order.net()).isEqualTo(placed.net());
        assertThat(order.gross()).isEqualTo(placed.gross());
        assertThat(order.lines()).extracting(SalesLine::productCode).containsExactly("CNC-40");
        assertThat(eventTypes()).contains("order.placed", "order.acknowledged");
        // again: nothing changes; another number for the same order, or a number taken: conflicts
        assertThat(sales(ADA).acknowledgeOrder(placed.id(), erp("SO-4711")).outcome())
                .isEqualTo(ReceiptOutcome.UNCHANGED);
        assertThatThrownBy(() -> sales(ADA).acknowledgeOrder(placed.id(), erp("SO-4712")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("SO-4711");

        // the invoice names the ERP's order and is attributed from keyword to paid money
        SalesDocument invoice = sales(ADA).receive(NewSalesDocument.invoice(erp("INV-9"), "EUR", FEB_2)
                .customer(acme.id()).order(erp("SO-4711"))
                .line(SalesLine.of("CNC-40", n("2"), n("2900.00")).discount(n("5"), "framework agreement")
                        .taxRate(n("19")))).value();
        assertThat(invoice.orderId()).isEqualTo(order.id());
        assertThat(invoice.opportunity()).contains(deal.id().value());
        assertThat(invoice.campaign()).contains(77L);

        // who may not change the customer may not acknowledge its orders; an unknown order is not found
        assertThatThrownBy(() -> sales(OTTO).acknowledgeOrder(placed.id(), erp("SO-1")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(ADA).acknowledgeOrder(org.crm4j.pipeline.SalesOrderId.of(999_999), erp("SO-2")))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- payments and what is outstanding

    @Test
    void outstandingIsInvoicedLessPaidLessCreditedPerInvoiceAndPerCustomer() {
        SalesDocument inv1 = sales(ADA).receive(invoice("INV-1")).value();
        SalesDocument inv2 = sales(ADA).receive(NewSalesDocument.invoice(erp("INV-2"), "EUR", LocalDate.of(2025, 1, 15))
                .customer(acme.id()).line(SalesLine.of("OLD", n("1"), n("200.00")))).value();
        sales(ADA).receivePayment(NewPayment.of(erp("PAY-1"), erp("INV-1"), eur("500.00"), LocalDate.of(2026, 2, 20)));
        sales(ADA).receivePayment(NewPayment.of(erp("PAY-2"), erp("INV-2"), eur("200.00"), LocalDate.of(2025, 2, 1)));
        sales(ADA).receive(NewSalesDocument.creditNote(erp("CN-1"), "EUR", LocalDate.of(2026, 2, 25), erp("INV-1"))
                .customer(acme.id()).line(SalesLine.of("CNC-1", n("1"), n("100.00")).taxRate(n("20"))));

        InvoiceBalance b = sales(SAM).balance(inv1.id());
        assertThat(b.gross()).isEqualTo(eur("1080.00"));
        assertThat(b.paid()).isEqualTo(eur("500.00"));
        assertThat(b.credited()).isEqualTo(eur("120.00"));
        assertThat(b.outstanding()).isEqualTo(eur("460.00"));
        assertThat(b.overdue(LocalDate.of(2026, 3, 2))).isTrue();
        assertThat(sales(SAM).balance(inv2.id()).outstanding()).isEqualTo(eur("0.00"));
        assertThat(sales(SAM).openInvoices(acme.id())).extracting(InvoiceBalance::invoiceId).containsExactly(inv1.id());

        SalesSummary summary = sales(SAM).summary(acme.id());
        assertThat(summary.lines()).containsExactly(new SalesSummary.Line(eur("800.00"), eur("460.00")));
        assertThat(summary.lastPurchase()).isEqualTo(FEB_2);
    }

    @Test
    void aPaymentTwiceCountsOnceAndAChangedOneReplacesItsAmount() {
        SalesDocument inv = sales(ADA).receive(invoice("INV-1")).value();
        Receipt<Payment> first = sales(ADA).receivePayment(NewPayment.of(erp("PAY-1"), erp("INV-1"), eur("500.00"),
                FEB_2));
        assertThat(first.outcome()).isEqualTo(ReceiptOutcome.CREATED);
        assertThat(sales(ADA).receivePayment(NewPayment.of(erp("PAY-1"), erp("INV-1"), eur("500.00"), FEB_2))
                .outcome()).isEqualTo(ReceiptOutcome.UNCHANGED);
        assertThat(sales(SAM).balance(inv.id()).paid()).isEqualTo(eur("500.00"));
        Receipt<Payment> changed = sales(ADA).receivePayment(NewPayment.of(erp("PAY-1"), erp("INV-1"), eur("580.00"),
                FEB_2));
        assertThat(changed.outcome()).isEqualTo(ReceiptOutcome.UPDATED);
        assertThat(sales(SAM).balance(inv.id()).outstanding()).isEqualTo(eur("500.00"));
        assertThat(eventTypes().stream().filter(t -> t.startsWith("payment."))).containsExactly("payment.received",
                "payment.changed");
        assertThatThrownBy(() -> sales(ADA).receivePayment(NewPayment.of(erp("PAY-2"), erp("INV-1"),
                Money.of("5.00", "USD"), FEB_2))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.Violation::field)
                                .containsExactly("amount"));
        assertThatThrownBy(() -> sales(ADA).receivePayment(NewPayment.of(erp("PAY-3"), erp("INV-404"), eur("5.00"),
                FEB_2))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.Violation::field)
                                .containsExactly("invoice"));
    }

    @Test
    void aPaymentOnAccountLowersWhatTheCustomerOwesAndIsAllocatedWhenTheErpNamesItsInvoice() {
        SalesDocument inv1 = sales(ADA).receive(invoice("INV-1")).value();
        sales(ADA).receive(NewSalesDocument.invoice(erp("INV-2"), "EUR", FEB_2).customer(acme.id())
                .line(SalesLine.of("X", n("1"), n("300.00"))));

        // as the ERP books it: against the customer, by its ERP reference, no invoice named
        Receipt<Payment> onAccount = sales(ADA).receivePayment(NewPayment.onAccount(erp("CHK-1"), ALFKI,
                eur("400.00"), LocalDate.of(2026, 2, 20)));

        assertThat(onAccount.outcome()).isEqualTo(ReceiptOutcome.CREATED);
        assertThat(onAccount.value().invoice()).isEmpty();
        assertThat(onAccount.value().customerId()).isEqualTo(acme.id());
        // no invoice's balance changes; the customer owes 1,080 + 300 − 400
        assertThat(sales(SAM).balance(inv1.id()).outstanding()).isEqualTo(eur("1080.00"));
        assertThat(sales(SAM).summary(acme.id()).lines()).containsExactly(
                new SalesSummary.Line(eur("1200.00"), eur("980.00")));
        assertThat(customersOf(SAM).card(acme.id()).sales().lines()).extracting(SalesSummary.Line::outstanding)
                .containsExactly(eur("980.00"));
        // by crm4j's id, in another currency: a line of its own, owed less than nothing
        sales(ADA).receivePayment(NewPayment.onAccount(erp("CHK-2"), acme.id(), Money.of("50.00", "USD"), FEB_2));
        assertThat(sales(SAM).summary(acme.id()).lines()).containsExactly(
                new SalesSummary.Line(eur("1200.00"), eur("980.00")),
                new SalesSummary.Line(Money.of("0.00", "USD"), Money.of("-50.00", "USD")));

        // later the ERP allocates the cheque to the first invoice: the same payment, now with its invoice
        Receipt<Payment> allocated = sales(ADA).receivePayment(NewPayment.of(erp("CHK-1"), erp("INV-1"),
                eur("400.00"), LocalDate.of(2026, 2, 20)));
        assertThat(allocated.outcome()).isEqualTo(ReceiptOutcome.UPDATED);
        assertThat(allocated.value().invoice()).contains(inv1.id());
        assertThat(sales(SAM).balance(inv1.id()).outstanding()).isEqualTo(eur("680.00"));
        assertThat(sales(SAM).summary(acme.id()).lines().get(0).outstanding()).isEqualTo(eur("980.00"));

        // an on-account payment names its customer, once; a customer the ERP does not know is refused
        assertThatThrownBy(() -> sales(ADA).receivePayment(new NewPayment(erp("CHK-3"), erp("INV-1"), acme.id(), null,
                eur("1.00"), FEB_2))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.Violation::rule)
                                .containsExactly("OneOf"));
        assertThatThrownBy(() -> sales(ADA).receivePayment(NewPayment.onAccount(erp("CHK-4"), erp("NOBODY"),
                eur("1.00"), FEB_2))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.Violation::field)
                                .containsExactly("customerRef"));
        // the customer's line records and sees them; a salesperson of one invoice does not see them
        assertThatThrownBy(() -> sales(PIA).receivePayment(NewPayment.onAccount(erp("CHK-5"), acme.id(),
                eur("1.00"), FEB_2))).isInstanceOf(AccessDeniedException.class);
        assertThat(sales(MIA).summary(acme.id()).lines().get(1).outstanding()).isEqualTo(Money.of("-50.00", "USD"));
    }

    // ---- the bulk path for an ERP's history (R29)

    @Test
    void anErpsHistoryGoesInInBatches_idempotently_withEachRefusedDocumentNamedByPositionAndField() {
        Customer globex = customersOf(OTTO).create(NewCustomer.company("Globex"));
        List<NewSalesDocument> history = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            history.add(NewSalesDocument.invoice(erp("H-" + i), "EUR", LocalDate.of(2025, 1, 1).plusDays(i))
                    .customerRef(ALFKI).salesperson("sam")
                    .line(SalesLine.of("P-" + i, n("2"), n("10.00")).group("parts"))
                    .line(SalesLine.of("FREIGHT", n("1"), n("5.00"))));
        }
        // an order and the invoice that bills it, in one batch; a credit note of an earlier batch's invoice
        history.add(NewSalesDocument.order(erp("SO-1"), "EUR", LocalDate.of(2025, 2, 1)).customerRef(ALFKI)
                .line(SalesLine.of("X", n("1"), n("100.00"))));
        history.add(NewSalesDocument.invoice(erp("INV-SO-1"), "EUR", LocalDate.of(2025, 2, 3)).customerRef(ALFKI)
                .order(erp("SO-1")).line(SalesLine.of("X", n("1"), n("100.00"))));
        history.add(NewSalesDocument.creditNote(erp("CN-1"), "EUR", LocalDate.of(2025, 2, 5), erp("H-1"))
                .customerRef(ALFKI).line(SalesLine.of("P-1", n("1"), n("10.00"))));
        // refused: a negative quantity on its second line, an unknown customer, another department's customer
        history.add(NewSalesDocument.invoice(erp("BAD-1"), "EUR", FEB_2).customerRef(ALFKI)
                .line(SalesLine.of("A", n("1"), n("1.00"))).line(SalesLine.of("B", n("-1"), n("1.00"))));
        history.add(NewSalesDocument.invoice(erp("BAD-2"), "EUR", FEB_2).customerRef(erp("NOBODY"))
                .line(SalesLine.of("A", n("1"), n("1.00"))));
        history.add(NewSalesDocument.invoice(erp("BAD-3"), "EUR", FEB_2).customer(globex.id())
                .line(SalesLine.of("A", n("1"), n("1.00"))));
        List<Long> progress = new ArrayList<>();

        SalesImportReport report = sales(SAM).importDocuments(history, SalesImportOptions.defaults().batchSize(7)
                .onProgress(soFar -> progress.add(soFar.documents())));

        assertThat(report.documents()).isEqualTo(26);
        assertThat(report.created()).isEqualTo(23);
        assertThat(report.lines()).isEqualTo(43);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.rejections()).extracting(RejectedDocument::position).containsExactly(24L, 25L, 26L);
        assertThat(report.rejections().get(0).violations()).extracting(ValidationException.Violation::field)
                .containsExactly("lines[1].quantity");
        assertThat(report.rejections().get(1).violations()).extracting(ValidationException.Violation::field)
                .containsExactly("customerRef");
        assertThat(report.rejections().get(2).violations()).extracting(ValidationException.Violation::rule)
                .containsExactly("Access");
        assertThat(progress).containsExactly(7L, 14L, 21L, 26L);
        SalesDocument billed = sales(SAM).documents(acme.id(), 500).stream()
                .filter(d -> d.externalRef().equals(erp("INV-SO-1"))).findFirst().orElseThrow();
        assertThat(billed.orderId()).isNotNull();
        assertThat(sales(SAM).summary(acme.id()).lines()).containsExactly(
                new SalesSummary.Line(eur("0.00"), eur("590.00")));
        assertThat(eventTypes().stream().filter(t -> t.equals("sales-document.received"))).hasSize(23);

        // delivered again, with one invoice changed by the ERP: one update, the rest unchanged
        history.set(4, NewSalesDocument.invoice(erp("H-5"), "EUR", LocalDate.of(2025, 1, 6)).customerRef(ALFKI)
                .salesperson("sam").line(SalesLine.of("P-5", n("3"), n("10.00")).group("parts"))
                .line(SalesLine.of("FREIGHT", n("1"), n("5.00"))));
        SalesImportReport again = sales(SAM).importDocuments(history.subList(0, 23), SalesImportOptions.defaults());
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(22);
        assertThat(sales(SAM).summary(acme.id()).lines().get(0).outstanding()).isEqualTo(eur("600.00"));
    }

    @Test
    void salesArePulledFromASource_pageByPageFromTheCheckpointKept_andAPageAskedForAgainChangesNothing() {
        NewSalesDocument order = NewSalesDocument.order(erp("SO-1"), "EUR", JAN_10).customerRef(ALFKI)
                .line(SalesLine.of("X", n("1"), n("100.00")));
        NewSalesDocument billed = NewSalesDocument.invoice(erp("INV-SO-1"), "EUR", FEB_2).customerRef(ALFKI)
                .order(erp("SO-1")).line(SalesLine.of("X", n("1"), n("100.00")));
        erp.pages.add(new SalesSource.Page(List.of(order, invoice("INV-1")), List.of(), "2026-02-01T00:00", true));
        erp.pages.add(new SalesSource.Page(List.of(billed), List.of(NewPayment.of(erp("PAY-1"), erp("INV-1"),
                eur("500.00"), FEB_2), NewPayment.of(erp("PAY-X"), erp("INV-404"), eur("1.00"), FEB_2)),
                "2026-02-02T00:00", false));

        org.crm4j.sales.SalesPullReport report = crm.pullSales().sources().get(0);

        assertThat(report.sourceId()).isEqualTo("fake-erp");
        assertThat(report.pages()).isEqualTo(2);
        assertThat(report.documents().created()).isEqualTo(3);
        assertThat(report.paymentsCreated()).isEqualTo(1);
        assertThat(report.paymentsRejected()).isEqualTo(1);
        assertThat(report.checkpoint()).isEqualTo("2026-02-02T00:00");
        assertThat(erp.asked).containsExactly(null, "2026-02-01T00:00");
        assertThat(sales(SAM).summary(acme.id()).lines()).containsExactly(
                new SalesSummary.Line(eur("1000.00"), eur("680.00")));

        // the next pull starts at the kept checkpoint; the ERP sends the last page again: nothing changes
        erp.pages.add(new SalesSource.Page(List.of(billed), List.of(NewPayment.of(erp("PAY-1"), erp("INV-1"),
                eur("500.00"), FEB_2)), null, false));
        org.crm4j.sales.SalesPullReport again = crm.pullSales().sources().get(0);
        assertThat(erp.asked).last().isEqualTo("2026-02-02T00:00");
        assertThat(again.documents().unchanged()).isEqualTo(1);
        assertThat(again.paymentsUnchanged()).isEqualTo(1);
        assertThat(again.checkpoint()).isEqualTo("2026-02-02T00:00");
        assertThat(eventTypes().stream().filter(t -> t.startsWith("sales-document.") || t.startsWith("payment.")))
                .containsExactly("sales-document.received", "sales-document.received", "sales-document.received",
                        "payment.received");
    }

    // ---- commissions (R13, R21)

    private static NewSalesDocument sale(String ref, LocalDate on, String salesperson, String group, String net,
            String taxRate) {
        return NewSalesDocument.invoice(erp(ref), "EUR", on).customer(null).customerRef(ALFKI).salesperson(salesperson)
                .line(SalesLine.of(ref + "-1", n("1"), n(net)).group(group).taxRate(n(taxRate)));
    }

    private void pay(String ref, String invoice, String amount, LocalDate on) {
        sales(ADA).receivePayment(NewPayment.of(erp(ref), erp(invoice), eur(amount), on));
    }

    /**
     * Worked by hand. Sam's plan: machines 5 %, anything else 2 %, one point more on what March
     * earns above 10,000, credit notes clawed back within 90 days of a payment. In March:
     * A (machines 8,000) paid in full on the 5th: 8,000 at 5 % = 400.00, March at 8,000;
     * B (services 5,000 + 19 % tax) half paid on the 12th: 2,500 earned, 2,000 at 2 % = 40.00 up to the
     * tier and 500 at 3 % = 15.00 above it, March at 10,500; C (machines 4,000) paid on the 20th:
     * 4,000 at 6 % = 240.00; a credit note of 1,000 of A on the 25th, 20 days after A's payment:
     * -1,000 at 5 % = -50.00. Total 645.00. Not counted: D paid in February, E's credit note 130 days
     * after E's payment, Pia's invoice.
     */
    @Test
    void aCommissionStatementWorkedByHand_tiersCrossedMidMonth_andAClawback() {
        sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Field sales", "EUR").salespeople("sam")
                .rate("machines", n("5")).defaultRate(n("2")).tier(n("10000"), n("1")).clawbackDays(90));
        sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Key accounts", "EUR").salespeople("pia")
                .defaultRate(n("5")).earning(CommissionEarning.PAID_IN_FULL));
        List<NewSalesDocument> history = List.of(
                sale("A", LocalDate.of(2026, 3, 1), "sam", "machines", "8000.00", "0"),
                sale("B", LocalDate.of(2026, 3, 2), "sam", "services", "5000.00", "19"),
                sale("C", LocalDate.of(2026, 3, 3), "sam", "machines", "4000.00", "0"),
                sale("D", LocalDate.of(2026, 2, 1), "sam", "machines", "1000.00", "0"),
                sale("E", LocalDate.of(2025, 10, 1), "sam", "machines", "1000.00", "0"),
                sale("P", LocalDate.of(2026, 3, 1), "pia", "machines", "1000.00", "0"));
        assertThat(sales(ADA).importDocuments(history, SalesImportOptions.defaults()).created()).isEqualTo(6);
        pay("PAY-A", "A", "8000.00", LocalDate.of(2026, 3, 5));
        pay("PAY-B", "B", "2975.00", LocalDate.of(2026, 3, 12));
        pay("PAY-C", "C", "4000.00", LocalDate.of(2026, 3, 20));
        pay("PAY-D", "D", "1000.00", LocalDate.of(2026, 2, 20));
        pay("PAY-E", "E", "1000.00", LocalDate.of(2025, 11, 1));
        pay("PAY-P1", "P", "600.00", LocalDate.of(2026, 3, 3));
        pay("PAY-P2", "P", "400.00", LocalDate.of(2026, 3, 15));
        sales(ADA).receive(NewSalesDocument.creditNote(erp("CN-A"), "EUR", LocalDate.of(2026, 3, 25), erp("A"))
                .customerRef(ALFKI).line(SalesLine.of("A-1", n("1"), n("1000.00")).group("machines")));
        sales(ADA).receive(NewSalesDocument.creditNote(erp("CN-E"), "EUR", LocalDate.of(2026, 3, 11), erp("E"))
                .customerRef(ALFKI).line(SalesLine.of("E-1", n("1"), n("1000.00")).group("machines")));

        CommissionStatement march = sales(SAM).commissionStatement("sam", java.time.YearMonth.of(2026, 3));

        assertThat(march.plan()).isEqualTo("Field sales");
        assertThat(march.lines()).extracting(l -> l.document().id() + " " + l.basis() + " @" + l.rate().stripTrailingZeros()
                .toPlainString() + " = " + l.commission()).containsExactly(
                        "A 8000.00 @5 = 400.00",
                        "B 2000.00 @2 = 40.00",
                        "B 500.00 @3 = 15.00",
                        "C 4000.00 @6 = 240.00",
                        "CN-A -1000.00 @5 = -50.00");
        assertThat(march.total()).isEqualTo(eur("645.00"));
        assertThat(march.lines().get(4).clawback()).isTrue();
        assertThat(march.toCsv()).startsWith("date,document,product_group,basis,rate,commission,clawback\r\n"
                + "2026-03-05,erp:A,machines,8000.00,5,400.00,false\r\n").endsWith(",total,,,,645.00,\r\n");
        // paid in full: Pia's invoice earns on the day its second payment completes it
        CommissionStatement pias = sales(PIA).commissionStatement("pia", java.time.YearMonth.of(2026, 3));
        assertThat(pias.lines()).extracting(CommissionLine::on, CommissionLine::commission)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 15), n("50.00")));
        assertThat(sales(SAM).commissionStatement("sam", java.time.YearMonth.of(2026, 2)).total()).isEqualTo(eur("50.00"));

        // the salesperson and those above see it; a peer and another department do not
        assertThat(sales(MIA).commissionStatement("sam", java.time.YearMonth.of(2026, 3)).total()).isEqualTo(eur("645.00"));
        assertThatThrownBy(() -> sales(PIA).commissionStatement("sam", java.time.YearMonth.of(2026, 3)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(OTTO).commissionStatement("sam", java.time.YearMonth.of(2026, 3)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(ADA).commissionStatement("carl", java.time.YearMonth.of(2026, 3)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void commissionPlansAreDefinedByAdministrators_oneToASalesperson_andBadOnesAreRefusedNamingEveryField() {
        assertThatThrownBy(() -> sales(MIA).defineCommissionPlan(NewCommissionPlan.named("Mine", "EUR")
                .salespeople("sam"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(ADA).defineCommissionPlan(NewCommissionPlan.named(" ", "XYZ")
                .rate("machines", n("150")).tier(n("5000"), n("1")).tier(n("1000"), n("2")).clawbackDays(-1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).contains("name", "currency", "salespeople",
                                "rates[machines]", "tiers", "clawbackDays"));
        CommissionPlan plan = sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Field sales", "EUR")
                .salespeople("sam", "pia").basis(CommissionBasis.MARGIN).defaultRate(n("10")));
        assertThat(sales(SAM).commissionPlans()).extracting(CommissionPlan::id).containsExactly(plan.id());
        assertThat(plan.salespeople()).containsExactlyInAnyOrder("sam", "pia");
        assertThatThrownBy(() -> sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Second", "EUR")
                .salespeople("pia"))).isInstanceOf(ConflictException.class).hasMessageContaining("Field sales");

        // on the margin: a line with its cost earns on net less cost, one without earns nothing
        sales(ADA).receive(NewSalesDocument.invoice(erp("M-1"), "EUR", LocalDate.of(2026, 3, 1)).customerRef(ALFKI)
                .salesperson("sam").line(SalesLine.of("X", n("2"), n("500.00")).cost(n("600.00")))
                .line(SalesLine.of("Y", n("1"), n("300.00")))).value();
        pay("PAY-M", "M-1", "1300.00", LocalDate.of(2026, 3, 2));
        assertThat(sales(SAM).commissionStatement("sam", java.time.YearMonth.of(2026, 3)).total())
                .isEqualTo(eur("40.00"));
    }

    @Test
    void aTeamPlanPaysTheManagersLine_unlessAPlanNamesThemOrANearerTeamPlanPaysThem() {
        // carl -> mia -> {sam, pia}
        CommissionPlan miasTeam = sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Mia's team", "EUR")
                .team("mia").defaultRate(n("10")));
        assertThat(miasTeam.teams()).containsExactly("mia");
        assertThat(miasTeam.salespeople()).isEmpty();
        sales(ADA).receive(NewSalesDocument.invoice(erp("T-1"), "EUR", LocalDate.of(2026, 3, 3)).customerRef(ALFKI)
                .salesperson("sam").line(SalesLine.of("X", n("1"), n("1000.00")))).value();
        sales(ADA).receive(NewSalesDocument.invoice(erp("T-2"), "EUR", LocalDate.of(2026, 3, 3)).customerRef(ALFKI)
                .salesperson("mia").line(SalesLine.of("X", n("1"), n("2000.00")))).value();
        pay("PAY-T1", "T-1", "1000.00", LocalDate.of(2026, 3, 4));
        pay("PAY-T2", "T-2", "2000.00", LocalDate.of(2026, 3, 4));
        java.time.YearMonth march = java.time.YearMonth.of(2026, 3);

        // sam is in mia's team; mia is not in her own team, and no plan pays her yet
        assertThat(sales(SAM).commissionStatement("sam", march)).satisfies(st -> {
            assertThat(st.plan()).isEqualTo("Mia's team");
            assertThat(st.total()).isEqualTo(eur("100.00"));
        });
        assertThatThrownBy(() -> sales(MIA).commissionStatement("mia", march)).isInstanceOf(NotFoundException.class);

        // carl's team plan pays mia, but not sam, whose nearer manager's team has a plan
        sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Carl's line", "EUR").team("carl").defaultRate(n("1")));
        assertThat(sales(MIA).commissionStatement("mia", march).total()).isEqualTo(eur("20.00"));
        assertThat(sales(SAM).commissionStatement("sam", march).plan()).isEqualTo("Mia's team");

        // a plan that names sam wins over every team plan
        sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Sam's own", "EUR").salespeople("sam")
                .defaultRate(n("5")));
        assertThat(sales(SAM).commissionStatement("sam", march).total()).isEqualTo(eur("50.00"));

        // one plan per team; a plan names salespeople or teams; a team's manager is a user id
        assertThatThrownBy(() -> sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Again", "EUR").team("mia")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("team of mia").hasMessageContaining("Mia's team");
        assertThatThrownBy(() -> sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Nobody", "EUR")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("salespeople"));
        assertThatThrownBy(() -> sales(ADA).defineCommissionPlan(NewCommissionPlan.named("Blank", "EUR").team(" ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("teams"));
        // kept as defined
        assertThat(sales(ADA).commissionPlans()).filteredOn(p -> p.name().equals("Carl's line")).singleElement()
                .extracting(CommissionPlan::teams).isEqualTo(java.util.Set.of("carl"));
    }

    // ---- the documents' addresses (R29): read as the customer import reads a customer's

    @Test
    void aDocumentsAddressesGoInAsTheErpWritesThem_countryNamesAndNationalPhones() {
        // Northwind's first customer, as its ERP holds it, and a London address with a number of 1999
        org.crm4j.sales.SalesAddress alfreds = org.crm4j.sales.SalesAddress.of("Berlin", "Germany")
                .name("Alfreds Futterkiste").street("Obere Str. 57").postalCode("12209").phone("030-0074321");
        org.crm4j.sales.SalesAddress london = org.crm4j.sales.SalesAddress.of("London", "UK").phone("(171) 555-7788");
        Receipt<SalesDocument> received = sales(ADA).receive(invoice("INV-A").billTo(alfreds).shipTo(london));
        org.crm4j.sales.DocumentAddress billTo = received.value().billTo();
        assertThat(billTo.address()).isEqualTo(new org.crm4j.common.Address("Obere Str. 57", "12209", "Berlin", null, "DE"));
        assertThat(billTo.name()).isEqualTo("Alfreds Futterkiste");
        assertThat(billTo.phone()).as("read in Germany").isEqualTo("+49300074321");
        // London's 0171 numbers went in 2000: stored normalised, with a warning
        assertThat(received.value().shipTo().address().country()).isEqualTo("GB");
        assertThat(received.value().shipTo().phone()).isEqualTo("+441715557788");
        assertThat(received.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("shipTo.phone");
            assertThat(w.value()).isEqualTo("(171) 555-7788");
            assertThat(w.document()).isEqualTo(erp("INV-A"));
            assertThat(w.message()).startsWith("stored as +441715557788");
        });
        // read back as stored; the same again changes nothing, another address is a new version
        assertThat(sales(SAM).document(received.value().id()).billTo()).isEqualTo(billTo);
        assertThat(sales(ADA).receive(invoice("INV-A").billTo(alfreds).shipTo(london)).outcome())
                .isEqualTo(ReceiptOutcome.UNCHANGED);
        Receipt<SalesDocument> moved = sales(ADA).receive(invoice("INV-A").billTo(alfreds.street("Obere Str. 59"))
                .shipTo(london));
        assertThat(moved.outcome()).isEqualTo(ReceiptOutcome.UPDATED);
        assertThat(moved.value().billTo().address().street()).isEqualTo("Obere Str. 59");

        // in bulk: names in the host's language when it is given, unknown countries refused by field,
        // doubtful phones warned about by position, or refused when strict
        List<NewSalesDocument> batch = List.of(
                invoice("INV-B1").billTo(org.crm4j.sales.SalesAddress.of("Wien", "Österreich").phone("01 5326 5270")),
                invoice("INV-B2").billTo(org.crm4j.sales.SalesAddress.of("Atlantis", "Atlantis")),
                invoice("INV-B3").billTo(org.crm4j.sales.SalesAddress.of("London", "Vereinigtes Königreich")
                        .phone("(171) 555-7788")),
                invoice("INV-B4").billTo(org.crm4j.sales.SalesAddress.of(" ", "DE")));
        org.crm4j.sales.SalesImportReport report = sales(ADA).importDocuments(batch,
                org.crm4j.sales.SalesImportOptions.defaults().countryNames(java.util.Locale.GERMAN));
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejections()).extracting(org.crm4j.sales.RejectedDocument::position).containsExactly(2L, 4L);
        assertThat(report.rejections().get(0).violations()).extracting(ValidationException.Violation::field,
                ValidationException.Violation::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("billTo.country",
                        "Country"));
        assertThat(report.rejections().get(1).violations()).extracting(ValidationException.Violation::field)
                .containsExactly("billTo.city");
        assertThat(report.warnings()).extracting(org.crm4j.sales.SalesWarning::position,
                org.crm4j.sales.SalesWarning::field, org.crm4j.sales.SalesWarning::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "billTo.phone", "(171) 555-7788"));
        assertThat(sales(SAM).documents(acme.id(), 50)).filteredOn(d -> d.externalRef().equals(erp("INV-B1")))
                .singleElement().satisfies(d -> {
                    assertThat(d.billTo().address().country()).isEqualTo("AT");
                    assertThat(d.billTo().phone()).isEqualTo("+43153265270");
                });
        org.crm4j.sales.SalesImportReport strict = sales(ADA).importDocuments(List.of(
                invoice("INV-C1").billTo(london)),
                org.crm4j.sales.SalesImportOptions.defaults().strictPhones());
        assertThat(strict.rejections()).singleElement().satisfies(r -> assertThat(r.violations())
                .extracting(ValidationException.Violation::field).containsExactly("billTo.phone"));
        assertThat(strict.warnings()).isEmpty();
        // one received alone: refused the same way
        assertThatThrownBy(() -> sales(ADA).receive(invoice("INV-D").billTo(org.crm4j.sales.SalesAddress.of("X", "Narnia"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("billTo.country"));
    }

    // ---- the service desk (R11)

    @Test
    void aServicesCardReadsItsRequestsAtOnce_newestFirst_whateverTheirNumber() {
        ServiceContract hosting = sales(SAM).addService(acme.id(), NewServiceContract.of("HOST-M", "Managed hosting M",
                JAN_10, BillingPeriod.MONTH, eur("450.00")));
        List<Long> logged = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Request r = as(SAM).requests().log(NewRequest.serviceRequest(acme.id(), "Outage " + i));
            sales(SAM).requestAbout(r.id(), hosting.id());
            logged.add(0, r.id().value());
        }
        assertThat(sales(SAM).serviceCard(hosting.id()).requests()).extracting(r -> r.id().value())
                .containsExactlyElementsOf(logged);
        // someone outside the customer's line sees the service's card only through a record of their own
        assertThatThrownBy(() -> sales(OTTO).serviceCard(hosting.id())).isInstanceOf(AccessDeniedException.class);

        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        var sams = sales(SAM);
        counter.reset();
        sams.serviceCard(hosting.id());
        long withSix = counter.statements();
        for (int i = 6; i < 12; i++) {
            Request r = as(SAM).requests().log(NewRequest.serviceRequest(acme.id(), "Outage " + i));
            sams.requestAbout(r.id(), hosting.id());
        }
        counter.reset();
        assertThat(sams.serviceCard(hosting.id()).requests()).hasSize(12);
        assertThat(counter.statements()).isEqualTo(withSix);
    }

    @Test
    void theServiceDeskFindsWhatARequestIsAbout_andTheServicesCardListsItsRequests() {
        ServiceContract hosting = sales(SAM).addService(acme.id(), NewServiceContract.of("HOST-M", "Managed hosting M",
                JAN_10, BillingPeriod.MONTH, eur("450.00")).externalRef(erp("C-42")));
        ServiceContract support = sales(SAM).addService(acme.id(), NewServiceContract.of("SUP", "Support", FEB_2,
                BillingPeriod.YEAR, eur("1200.00")));
        ServiceContract ended = sales(SAM).addService(acme.id(), NewServiceContract.of("OLD", "Old hosting",
                LocalDate.of(2025, 1, 1), BillingPeriod.MONTH, eur("100.00")).endsOn(LocalDate.of(2025, 12, 31)));
        SalesDocument inv1 = sales(ADA).receive(invoice("INV-1")).value();
        SalesDocument inv2 = sales(ADA).receive(NewSalesDocument.invoice(erp("INV-2"), "EUR", JAN_10)
                .customer(acme.id()).line(SalesLine.of("HOST-M", n("1"), n("450.00")))).value();

        // by the ERP's reference of an invoice, or of a contract
        SalesMatches byInvoice = sales(SAM).lookup(SalesLookup.of(acme.id()).reference(erp("INV-1")));
        assertThat(byInvoice.documents()).extracting(SalesDocument::id).containsExactly(inv1.id());
        assertThat(byInvoice.services()).isEmpty();
        assertThat(sales(SAM).lookup(SalesLookup.of(acme.id()).reference(erp("C-42"))).services())
                .extracting(ServiceContract::id).containsExactly(hosting.id());
        // by product code: the service, and the documents with a line of it
        SalesMatches byProduct = sales(SAM).lookup(SalesLookup.of(acme.id()).product("HOST-M"));
        assertThat(byProduct.services()).extracting(ServiceContract::id).containsExactly(hosting.id());
        assertThat(byProduct.documents()).extracting(SalesDocument::id).containsExactly(inv2.id());
        assertThat(sales(SAM).lookup(SalesLookup.of(acme.id()).product("OLD")).services())
                .extracting(ServiceContract::id).containsExactly(ended.id());
        // by customer alone: what runs, and the latest documents
        SalesMatches all = sales(SAM).lookup(SalesLookup.of(acme.id()));
        assertThat(all.services()).extracting(ServiceContract::id).containsExactly(support.id(), hosting.id());
        assertThat(all.documents()).extracting(SalesDocument::id).containsExactly(inv1.id(), inv2.id());

        // from a request: what it concerns; and the service it names comes first
        Request complaint = as(SAM).requests().log(NewRequest.complaint(acme.id(), "Invoice INV-1 is wrong")
                .concerns(erp("INV-1")));
        assertThat(sales(SAM).lookup(complaint.id()).documents()).extracting(SalesDocument::id)
                .containsExactly(inv1.id());
        Request outage = as(SAM).requests().log(NewRequest.serviceRequest(acme.id(), "Our site is down"));
        ServiceCard card = sales(SAM).requestAbout(outage.id(), hosting.id());
        assertThat(card.requests()).extracting(Request::id).containsExactly(outage.id());
        assertThat(sales(SAM).lookup(outage.id()).services()).first().extracting(ServiceContract::id)
                .isEqualTo(hosting.id());
        // a request names one service: naming another moves it
        sales(SAM).requestAbout(outage.id(), support.id());
        assertThat(sales(SAM).serviceCard(hosting.id()).requests()).isEmpty();
        assertThat(sales(MIA).serviceCard(support.id()).requests()).extracting(Request::subject)
                .containsExactly("Our site is down");
        assertThat(eventTypes()).contains("service.request-named");

        // refusals: another customer's request, someone who may not see the service, no such request
        Customer globex = customersOf(SAM).create(NewCustomer.company("Globex"));
        Request other = as(SAM).requests().log(NewRequest.question(globex.id(), "Prices?"));
        assertThatThrownBy(() -> sales(SAM).requestAbout(other.id(), hosting.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::rule).containsExactly("SameCustomer"));
        assertThatThrownBy(() -> sales(OTTO).serviceCard(hosting.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(OTTO).lookup(SalesLookup.of(acme.id()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(SAM).lookup(org.crm4j.activity.ActivityId.of(999_999)))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- the customer card

    @Test
    void theCardShowsTheRunningServicesAndTheSalesSummaryAsFarAsTheReaderMaySee() {
        sales(SAM).addService(acme.id(), NewServiceContract.of("SUP", "Support", JAN_10, BillingPeriod.YEAR,
                eur("1200.00")));
        sales(SAM).addService(acme.id(), NewServiceContract.of("HOST-M", "Managed hosting M", FEB_2,
                BillingPeriod.MONTH, eur("450.00")).endsOn(LocalDate.of(2026, 12, 31)).noticeDays(90));
        sales(SAM).addService(acme.id(), NewServiceContract.of("LIC", "Licence", LocalDate.of(2025, 1, 1),
                BillingPeriod.YEAR, eur("99.00")).endsOn(LocalDate.of(2025, 12, 31)).autoRenew(true));
        // over: ended without renewing itself, and cancelled
        sales(SAM).addService(acme.id(), NewServiceContract.of("OLD", "Old hosting", LocalDate.of(2025, 1, 1),
                BillingPeriod.MONTH, eur("100.00")).endsOn(LocalDate.of(2025, 12, 31)));
        ServiceContract cancelled = sales(SAM).addService(acme.id(), NewServiceContract.of("CAN", "Backup",
                JAN_10, BillingPeriod.MONTH, eur("20.00")));
        sales(SAM).cancelService(cancelled.id(), "not needed", FEB_2);
        sales(ADA).addService(acme.id(), NewServiceContract.of("PIA-S", "Pia's service", FEB_2, BillingPeriod.MONTH,
                eur("10.00")).salesperson("pia"));
        sales(ADA).receive(invoice("INV-1"));
        sales(ADA).receivePayment(NewPayment.of(erp("PAY-1"), erp("INV-1"), eur("500.00"), LocalDate.of(2026, 2, 20)));
        sales(ADA).receive(NewSalesDocument.invoice(erp("INV-P"), "EUR", JAN_10).customer(acme.id())
                .salesperson("pia").line(SalesLine.of("X", n("1"), n("10.00")))).value();
        sales(ADA).receive(NewSalesDocument.invoice(erp("INV-US"), "USD", JAN_10).customer(acme.id())
                .line(SalesLine.of("X", n("2"), n("50.00")))).value();

        CustomerCard card = customersOf(SAM).card(acme.id());

        assertThat(card.services()).extracting(ServiceSummary::productCode)
                .containsExactly("PIA-S", "HOST-M", "SUP", "LIC");
        ServiceSummary hosting = card.services().get(1);
        assertThat(hosting.price()).isEqualTo(eur("450.00"));
        assertThat(hosting.billingPeriod()).isEqualTo(BillingPeriod.MONTH);
        assertThat(hosting.ending()).isTrue();
        assertThat(hosting.noticeBy()).contains(LocalDate.of(2026, 10, 2));
        assertThat(card.services().get(3).ending()).isFalse();
        assertThat(card.sales().lines()).containsExactly(
                new SalesSummary.Line(eur("910.00"), eur("590.00")),
                new SalesSummary.Line(Money.of("100.00", "USD"), Money.of("100.00", "USD")));
        assertThat(card.sales().lastPurchase()).isEqualTo(FEB_2);
        assertThat(card.sales()).isEqualTo(sales(SAM).summary(acme.id()));

        // pia opens the card through her open deal on ACME: she sees what she sold, nothing else
        Pipeline pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")).wonReasons("PRICE").lostReasons("PRICE"));
        as(ADA).opportunities().open(NewOpportunity.on(acme.id(), "Upgrade", pipeline.id())
                .expectedClose(LocalDate.of(2026, 6, 30)).owner("pia"));
        CustomerCard pias = customersOf(PIA).card(acme.id());
        assertThat(pias.services()).extracting(ServiceSummary::productCode).containsExactly("PIA-S");
        assertThat(pias.sales().lines()).containsExactly(new SalesSummary.Line(eur("10.00"), eur("10.00")));
        assertThat(pias.sales().lastPurchase()).isEqualTo(JAN_10);

        // a customer without sales: an empty summary, no services
        Customer other = customersOf(SAM).create(NewCustomer.company("Other"));
        CustomerCard empty = customersOf(SAM).card(other.id());
        assertThat(empty.services()).isEmpty();
        assertThat(empty.sales()).isEqualTo(SalesSummary.NONE);
    }

    // ---- need-to-know (R28)

    @Test
    void salesAreTheCustomerOwnersLinesAndTheSalespersonsAndRecordingThemIsTheCustomerLines() {
        SalesDocument pias = sales(ADA).receive(NewSalesDocument.invoice(erp("INV-P"), "EUR", FEB_2)
                .customer(acme.id()).salesperson("pia").line(SalesLine.of("X", n("1"), n("10.00")))).value();
        SalesDocument sams = sales(SAM).receive(invoice("INV-1")).value();

        // the customer's line (sam, mia, carl) and admins see both
        assertThat(sales(CARL).documents(acme.id(), 10)).hasSize(2);
        assertThat(sales(ADA).document(pias.id()).salespersonId()).isEqualTo("pia");
        // the salesperson sees her own document, but cannot open the customer's list
        assertThat(sales(PIA).document(pias.id()).id()).isEqualTo(pias.id());
        assertThatThrownBy(() -> sales(PIA).document(sams.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(PIA).documents(acme.id(), 10)).isInstanceOf(AccessDeniedException.class);
        // another department sees nothing, and is told apart from what does not exist
        assertThatThrownBy(() -> sales(OTTO).document(sams.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(OTTO).balance(sams.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(OTTO).summary(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(OTTO).services(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(SAM).document(org.crm4j.sales.SalesDocumentId.of(999_999)))
                .isInstanceOf(NotFoundException.class);
        // recording needs the customer's line
        assertThatThrownBy(() -> sales(PIA).receive(invoice("INV-X"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(OTTO).receivePayment(NewPayment.of(erp("PAY-X"), erp("INV-1"), eur("1.00"),
                FEB_2))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sales(PIA).addService(acme.id(), NewServiceContract.of("SUP", "Support", JAN_10,
                BillingPeriod.YEAR, eur("1.00")))).isInstanceOf(AccessDeniedException.class);
        assertThat(sales(ADA).documents(acme.id(), 10)).hasSize(2);
        assertThat(sales(MIA).summary(acme.id()).lines()).containsExactly(
                new SalesSummary.Line(eur("910.00"), eur("1090.00")));
    }
}
