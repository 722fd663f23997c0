package org.crm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deal scenario runs from the first contact to won and tells what happened. */
class DealScenarioTest {
    @TempDir
    static Path documents;
    private static List<String> lines;

    @BeforeAll
    static void runTheStory() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new DealScenario(out, documents).run();
        }
        lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theRulesRefuseNegotiationUntilTheOfferWentOutAndADecisionMakerIsInvolved() {
        int refused = lines.indexOf("Negotiation refused:");
        assertThat(refused).isPositive();
        assertThat(lines.subList(refused + 1, refused + 3)).anySatisfy(l -> assertThat(l).contains("offer-sent-required"))
                .anySatisfy(l -> assertThat(l).contains("decision-maker-required"));
        assertThat(lines).contains("Moved to NEGOTIATION at 75 %");
    }

    @Test
    void theOfferIsTotalledPerTaxRate() {
        // 120 × 690.00 less 8 % = 76,176.00 at 23 %; 12 × 450.00 = 5,400.00 at 8 %
        assertThat(lines).contains("Offer 1 sent: net 81576.00 EUR, gross 99528.48 EUR",
                "  tax 8 % on 5400.00 EUR = 432.00 EUR", "  tax 23 % on 76176.00 EUR = 17520.48 EUR");
    }

    @Test
    void theDealIsWonAndTheOrderReachesTheErpBridge() {
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Order ").endsWith("gross 99528.48 EUR"));
        assertThat(lines).contains("Deal WON (RELATIONSHIP) after 21 days");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Events delivered to the ERP bridge:")
                .contains("offer.sent", "offer.accepted", "order.placed", "opportunity.won"));
        assertThat(lines).contains("  2026-03-17 PROPOSAL -> NEGOTIATION by sam", "  2026-03-23 NEGOTIATION -> WON by sam");
    }

    @Test
    void theForecastShowsTheNextDealsWeightedAndTheyAreFlaggedWhenTheyStall() {
        int csv = lines.indexOf("Cash-flow forecast as CSV:");
        // 24,000.00 at the first stage's 10 %, 18,000.00 at QUALIFIED's 25 %; April has nothing
        assertThat(lines.subList(csv + 1, csv + 5)).containsExactly(
                "  period,group,group_name,currency,deals,expected,weighted",
                "  2026-04-01,sam,sam,EUR,0,0.00,0.00",
                "  2026-05-01,sam,sam,EUR,1,24000.00,2400.00",
                "  2026-06-01,sam,sam,EUR,1,18000.00,4500.00");
        assertThat(lines).contains("Stalled deals flagged: 2");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("Events delivered to the ERP bridge:")
                .contains("opportunity.stalled"));
    }

    @Test
    void theOfferDocumentIsRenderedFromTheTemplate() throws IOException {
        String line = lines.stream().filter(l -> l.startsWith("Offer document written to ")).findFirst().orElseThrow();
        Path file = Path.of(line.substring("Offer document written to ".length(), line.indexOf(" (")));
        String html = Files.readString(file);
        assertThat(file.getParent()).isEqualTo(documents);
        assertThat(html).contains("Nordlicht Scanning GmbH", "Kowalski Logistics Sp. z o.o.", "Attn. Anna Kowalska",
                "Handheld scanner SCN-200", "less 8 % (volume over 100 units)", "99,528.48");
        String pdfLine = lines.stream().filter(l -> l.startsWith("As PDF: ")).findFirst().orElseThrow();
        byte[] pdf = Files.readAllBytes(Path.of(pdfLine.substring("As PDF: ".length())));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(1000);
    }
}
