package org.crm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ERP scenario on a file H2 that the ERP's tables and crm4j's share: one transaction for the
 * ERP's order and the CRM's customer, invoices and payments pulled, the card, a commission statement
 * and a renewal notice.
 */
class ErpScenarioTest {
    private static List<String> lines;

    @BeforeAll
    static void run() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new ErpScenario(out).run();
        }
        lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void theOrderAndTheCustomer_commitTogetherOrNotAtAll() {
        assertThat(lines).containsSubsequence(
                "The ERP refused order SO-1 (a quantity of -5): rolled back, the CRM's customer with it",
                "Changes in the feed after the rollback: 0",
                "Committed: order SO-1 in the ERP, customer Bergmann Logistik GmbH in the CRM",
                "Changes in the feed after the commit: [customer.created]");
    }

    @Test
    void invoicesAndPaymentsArePulled_once_andShowOnTheCardAndInTheCommission() {
        assertThat(lines).contains(
                "Pulled from the ERP: 1 invoice(s), 1 payment(s), checkpoint 1/1",
                "Pulled again: 0 new",
                "Card: invoiced in 12 months 10000.00 EUR, outstanding 0.00 EUR, services 1",
                "Commission: 2026-03-10 erp:INV-1 10000.00 at 3 % = 300.00",
                "Commission of sam in 2026-03: 300.00 EUR");
    }

    @Test
    void theHostingContractsRenewalTalks_areInTheOwnersInbox() {
        assertThat(lines).contains("Sam's inbox: Bergmann Logistik GmbH: time to talk about renewing Managed hosting M,"
                + " ending on 2026-05-31");
    }
}
