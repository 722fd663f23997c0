package org.crm4j.reports.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.Money;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferAddressee;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.OfferStatus;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The offer document filled from an offer, its deal and its customer. */
class OfferDocumentsTest {
    private static final Instant SENT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    private final OfferAddressee customer = new OfferAddressee("Müller & Söhne <GmbH>", "DE123456789",
            new Address("Hauptstraße 1", "10115", "Berlin", null, "DE"), "Eva Novak", "CFO");
    private final Opportunity deal = Opportunity.fromRecord(new OpportunityRecord(3, 0, 7, "sam", 1, "PROPOSAL",
            OpportunityStatus.OPEN, "40 CNC units", null, 50, null, LocalDate.of(2026, 6, 30), null, Set.of(),
            List.of(), null, null, null, null, SENT, SENT, SENT));
    private final Offer offer = Offer.fromRecord(new OfferRecord(11, 1, 3, 7, 2, OfferStatus.SENT, EUR, List.of(
            OfferLine.of("CNC-40", "CNC unit", new BigDecimal("40"), Money.of("2900.00", "EUR"), new BigDecimal("19"))
                    .discount(new BigDecimal("5"), "framework contract"),
            OfferLine.of("SRV", "Installation", new BigDecimal("2.5"), Money.of("450.00", "EUR"), new BigDecimal("7"))
                    .unit("day")),
            LocalDate.of(2026, 3, 31), "Payment within 30 days.", "sam", SENT, SENT, null, null, SENT));

    private String render(OfferDocuments documents) {
        StringWriter out = new StringWriter();
        documents.render(offer, deal, customer, out);
        return out.toString();
    }

    @Test
    void standardTemplate_showsTheCustomerTheLinesTheTaxesAndTheTotals() {
        String html = render(OfferDocuments.standard().with("seller", Map.of("name", "Kowalski Machines")));

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("Offer 2: 40 CNC units")
                .contains("Kowalski Machines")
                .contains("Müller &amp; Söhne &lt;GmbH&gt;")
                .contains("Attn. Eva Novak, CFO")
                .contains("10115 Berlin")
                .contains("valid until 2026-03-31")
                .contains("less 5 % (framework contract)")
                // 40 × 2,900.00 less 5 % = 110,200.00; 2.5 days × 450.00 = 1,125.00
                .contains("110,200.00").contains("2.5 day").contains("1,125.00")
                .contains("Tax 7 % on 1,125.00").contains("78.75")
                .contains("Tax 19 % on 110,200.00").contains("20,938.00")
                // 111,325.00 + 78.75 + 20,938.00
                .contains("132,341.75")
                .contains("Payment within 30 days.");
        assertThat(html).doesNotContain("<GmbH>").doesNotContain("{{");
    }

    @Test
    void theDateIsToldInTheGivenZone() {
        // sent 2026-03-02T09:00Z: the 2nd in Berlin, still the 1st in Honolulu (UTC-10)
        assertThat(render(OfferDocuments.standard().zone(ZoneId.of("Europe/Berlin")))).contains("Date 2026-03-02");
        assertThat(render(OfferDocuments.standard().zone(ZoneId.of("Pacific/Honolulu")))).contains("Date 2026-03-01");
    }

    @Test
    void numbersFollowTheLocale() {
        String html = render(OfferDocuments.standard().locale(Locale.GERMANY));
        assertThat(html).contains("132.341,75").contains("2,5 day");
    }

    @Test
    void theHostsOwnTemplateGetsTheSameValuesAndItsOwn() {
        OfferDocuments documents = OfferDocuments.fromTemplate(
                "{{brand}}|{{customer.name}}|{{#lines}}{{position}}:{{code}}={{net}};{{/lines}}|{{totals.gross}}")
                .with("brand", "ACME Sales");
        assertThat(render(documents)).isEqualTo(
                "ACME Sales|Müller &amp; Söhne &lt;GmbH&gt;|1:CNC-40=110,200.00;2:SRV=1,125.00;|132,341.75");
    }

    private byte[] pdf(OfferDocuments documents) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        documents.renderPdf(offer, deal, customer, out);
        return out.toByteArray();
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void pdf_isTheSameDocumentLaidOutOnAPage() throws IOException {
        byte[] pdf = pdf(OfferDocuments.standard().with("seller", Map.of("name", "Kowalski Machines")));

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = textOf(pdf);
        assertThat(text).contains("Offer 2: 40 CNC units", "Kowalski Machines", "Müller & Söhne <GmbH>",
                "Attn. Eva Novak, CFO", "less 5 % (framework contract)", "110,200.00", "132,341.75",
                "Payment within 30 days.");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void pdf_embedsAFontForLettersTheStandardFontsLack() throws IOException {
        Path dejaVu = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
        Assumptions.assumeTrue(Files.isReadable(dejaVu), "needs the DejaVu fonts (Debian: fonts-dejavu-core)");
        OfferAddressee polish = new OfferAddressee("Łódzkie Młyny Sp. z o.o.", null, null, null, null);
        ByteArrayOutputStream withoutFont = new ByteArrayOutputStream();
        OfferDocuments.standard().renderPdf(offer, deal, polish, withoutFont);
        assertThat(textOf(withoutFont.toByteArray())).doesNotContain("Łódzkie Młyny");

        ByteArrayOutputStream withFont = new ByteArrayOutputStream();
        OfferDocuments.standard().pdfFont(dejaVu, "document").renderPdf(offer, deal, polish, withFont);
        assertThat(textOf(withFont.toByteArray())).contains("Łódzkie Młyny Sp. z o.o.");
    }

    @Test
    void pdf_needsWellFormedXhtml() {
        OfferDocuments sloppy = OfferDocuments.fromTemplate("<html><body><p>{{customer.name}}<br></p></body></html>");
        assertThatThrownBy(() -> pdf(sloppy)).isInstanceOf(CrmException.class).hasMessageContaining("XHTML");
        assertThatThrownBy(() -> OfferDocuments.standard().pdfFont(Path.of("/nonexistent.ttf"), "sans-serif"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("ttfFile"));
    }

    @Test
    void badTemplatesAndReservedKeysAreRefused() {
        assertThatThrownBy(() -> OfferDocuments.fromTemplate("{{#lines}}never closed"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("template"));
        assertThatThrownBy(() -> OfferDocuments.standard().with("totals", "x"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("filled in by crm4j");
        assertThatThrownBy(() -> OfferDocuments.fromTemplate(null)).isInstanceOf(ValidationException.class);
    }
}
