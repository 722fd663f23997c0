package org.crm4j.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crm4j.Crm;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.common.Address;
import org.crm4j.common.Money;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.Customers;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.RoleCodes;
import org.crm4j.pipeline.DecisionRole;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.Offers;
import org.crm4j.pipeline.Opportunities;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.SalesOrder;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StallReport;
import org.crm4j.pipeline.StageChange;
import org.crm4j.pipeline.StageRequirement;
import org.crm4j.pipeline.TaxAmount;
import org.crm4j.reports.CashFlow;
import org.crm4j.reports.CashFlowForecast;
import org.crm4j.reports.document.OfferDocuments;

/**
 * A deal from the first contact to won: a pipeline with rules, a customer and its decision
 * maker, a deal moving through the stages, an offer with a discount and two tax rates, the
 * rules refusing a stage until the offer went out, the customer accepting, the sales order for
 * the ERP, the offer document rendered from a template, then the cash-flow forecast of the next
 * deals and the warning when they stall.
 *
 * <p>Run it with {@code mvn -q -B -pl crm-examples -am -DskipTests package exec:java
 * -Dexec.mainClass=org.crm4j.examples.DealScenario}; the offer document is written to
 * {@code target/crm4j-examples/} (or the directory given as the first argument), as HTML and as
 * PDF.
 */
public final class DealScenario {
    private final PrintStream out;
    private final Path outputDir;

    /**
     * @param out where the story is printed
     * @param documents the directory the offer document is written to
     */
    public DealScenario(PrintStream out, Path documents) {
        this.out = out;
        this.outputDir = documents;
    }

    /**
     * @param args the directory for the offer document, optional
     */
    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/crm4j-examples");
        new DealScenario(System.out, dir).run();
    }

    /** Runs the story. */
    public void run() {
        var directory = new InMemoryUserDirectory()
                .add("mia", null)
                .add("sam", "mia")
                .add("ada", null, Actor.ADMIN);
        // The host owns time: here a clock the story moves forward, day by day.
        StoryClock clock = new StoryClock(Instant.parse("2026-03-02T09:00:00Z"));

        // What the ERP bridge would receive: every domain event, through the outbox.
        List<String> events = new ArrayList<>();
        try (Crm crm = Crm.builder().userDirectory(directory).clock(clock)
                .listener(event -> events.add(event.type())).build()) {
            Actor sam = Actor.of("sam");

            // The administrator configures the pipeline: no code, just stages and their rules.
            Pipeline pipeline = crm.as(Actor.of("ada", Actor.ADMIN)).pipelines().define(
                    NewPipeline.named("New business", "EUR")
                            .stage(Stage.open("LEAD", "First contact", 10))
                            .stage(Stage.open("QUALIFIED", "Qualified", 25))
                            .stage(Stage.open("PROPOSAL", "Proposal", 50, StageRequirement.AMOUNT))
                            .stage(Stage.open("NEGOTIATION", "Negotiation", 75, StageRequirement.OFFER_SENT,
                                    StageRequirement.DECISION_MAKER))
                            .stage(Stage.won("WON", "Won"))
                            .stage(Stage.lost("LOST", "Lost"))
                            .maxStagesSkipped(1)
                            .wonReasons("PRICE", "QUALITY", "RELATIONSHIP")
                            .lostReasons("PRICE", "COMPETITOR", "NO_BUDGET"));
            out.println("Pipeline " + pipeline.name() + ": " + pipeline.stages().stream().map(Stage::code).toList());

            // First contact: Sam meets the logistics company at a fair.
            Customers customers = crm.as(sam).customers();
            Customer kowalski = customers.create(NewCustomer.company("Kowalski Logistics Sp. z o.o.")
                    .taxId("PL 526 000 12 46").address(new Address("ul. Prosta 20", "00-850", "Warszawa", null, "PL")));
            ContactPerson anna = customers.addContact(kowalski.id(), NewContact.named("Anna Kowalska")
                    .jobTitle("Finance Director").roles(RoleCodes.CFO).primary());
            customers.addNote(kowalski.id(), "Met at the Poznan fair: 12 warehouses need scanners.");

            Opportunities deals = crm.as(sam).opportunities();
            Opportunity deal = deals.open(NewOpportunity.on(kowalski.id(), "Scanners for 12 warehouses", pipeline.id())
                    .expectedClose(LocalDate.of(2026, 5, 29)).competitor("Globex").source("fair:poznan-2026"));
            out.println("Opened '" + deal.title() + "' in " + deal.stageCode() + " at " + deal.probability() + " %");

            clock.days(7);
            deal = deals.save(deals.get(deal.id()).advanceTo("QUALIFIED"));
            clock.days(5);
            deal = deals.save(deals.get(deal.id()).advanceTo("PROPOSAL").changeAmount(Money.of("86000.00", "EUR")));
            out.println("Moved to " + deal.stageCode() + " at " + deal.probability() + " % with " + deal.amount().orElseThrow());

            // Negotiation needs a sent offer and a decision maker: the rules say so, all at once.
            try {
                deals.save(deals.get(deal.id()).advanceTo("NEGOTIATION"));
            } catch (ValidationException refused) {
                out.println("Negotiation refused:");
                refused.violations().forEach(v -> out.println("  " + v.rule() + ": " + v.message()));
            }

            // The offer: scanners with a volume discount, and installation at a reduced tax rate.
            Offers offers = crm.as(sam).offers();
            Offer offer = offers.draft(deal.id(), NewOffer.validUntil(LocalDate.of(2026, 4, 30))
                    .line(OfferLine.of("SCN-200", "Handheld scanner SCN-200", new BigDecimal("120"),
                            Money.of("690.00", "EUR"), new BigDecimal("23")).unit("pcs")
                            .discount(new BigDecimal("8"), "volume over 100 units"))
                    .line(OfferLine.of("SRV-INST", "Installation and training", new BigDecimal("12"),
                            Money.of("450.00", "EUR"), new BigDecimal("8")).unit("day"))
                    .terms("Delivery within 4 weeks of the order.\nPayment within 30 days of delivery."));
            offer = offers.save(offers.get(offer.id()).send());
            out.println("Offer " + offer.number() + " sent: net " + offer.totals().net() + ", gross "
                    + offer.totals().gross());
            for (TaxAmount tax : offer.totals().taxes()) {
                out.println("  tax " + tax.rate().toPlainString() + " % on " + tax.base() + " = " + tax.tax());
            }

            clock.days(3);
            deal = deals.save(deals.get(deal.id()).involve(anna.id(), DecisionRole.DECISION_MAKER)
                    .advanceTo("NEGOTIATION"));
            out.println("Moved to " + deal.stageCode() + " at " + deal.probability() + " %");

            // The customer accepts; the order goes to the ERP; the deal is won, for a reason.
            clock.days(6);
            offers.save(offers.get(offer.id()).accept("PO 2026/117"));
            SalesOrder order = offers.placeOrder(offer.id());
            out.println("Order " + order.id() + " placed from offer " + order.offerId() + ": gross "
                    + order.gross());
            deal = deals.save(deals.get(deal.id()).win("RELATIONSHIP", "Installation team on site won it."));
            out.println("Deal " + deal.status() + " (" + deal.closeReason().orElseThrow() + ") after "
                    + deal.age(clock.instant()).toDays() + " days");

            out.println("Stage history:");
            List<StageChange> history = deals.stageHistory(deal.id());
            for (StageChange change : history) {
                out.println("  " + change.changedAt().atZone(ZoneOffset.UTC).toLocalDate() + " "
                        + (change.fromStage() == null ? "opened" : change.fromStage()) + " -> " + change.toStage()
                        + " by " + change.changedBy());
            }

            // The offer document, from crm4j's template, with the seller's name added by the host.
            OfferDocuments documents = OfferDocuments.standard()
                    .with("seller", Map.of("name", "Nordlicht Scanning GmbH",
                            "address", List.of("Hafenstraße 7", "20457 Hamburg")));
            String html = documents.renderHtml(crm.as(sam), offer.id());
            Path file = write(outputDir.resolve("offer-" + deal.id() + "-" + offer.number() + ".html"), html);
            out.println("Offer document written to " + file + " (" + html.length() + " characters)");
            Path pdf = outputDir.resolve("offer-" + deal.id() + "-" + offer.number() + ".pdf");
            try (OutputStream stream = Files.newOutputStream(pdf)) {
                documents.renderPdf(crm.as(sam), offer.id(), stream);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println("As PDF: " + pdf);

            // The next deals with Kowalski, and the cash they promise, as Sam's manager sees it.
            deals.open(NewOpportunity.on(kowalski.id(), "Scanners for the Gdansk hub", pipeline.id())
                    .expectedClose(LocalDate.of(2026, 5, 15)).amount(Money.of("24000.00", "EUR")));
            deals.open(NewOpportunity.on(kowalski.id(), "Service contract 2027", pipeline.id()).stage("QUALIFIED")
                    .expectedClose(LocalDate.of(2026, 6, 30)).amount(Money.of("18000.00", "EUR")));
            CashFlow flow = crm.as(Actor.of("mia")).report(
                    CashFlowForecast.monthly(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)).byOwner());
            out.println("Cash-flow forecast as CSV:");
            flow.toCsv().lines().forEach(line -> out.println("  " + line));

            // Three weeks without news: the host's daily check warns about both deals.
            clock.days(21);
            StallReport stalls = crm.detectStalledDeals(StallCriteria.idleFor(14).build());
            out.println("Stalled deals flagged: " + stalls.flagged());

            crm.deliverEvents();
            out.println("Events delivered to the ERP bridge: " + events.stream()
                    .filter(type -> type.startsWith("offer.") || type.startsWith("order.")
                            || type.startsWith("opportunity.")).toList());
        }
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
