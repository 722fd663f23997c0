package org.crm4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The campaign scenario runs from the campaign's costs to its payback and tells what happened. */
class CampaignScenarioTest {
    private static List<String> lines;

    @BeforeAll
    static void runTheStory() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new CampaignScenario(out).run();
        }
        lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void leadsAreOpenedInBatchesOnTheTaggedCustomers_sharedOverTheTeam() {
        // 6 tagged customers (the untagged one is left out), 2 per batch
        assertThat(lines).containsSubsequence("  opened 2 leads so far", "  opened 4 leads so far",
                "  opened 6 leads so far", "Leads opened: 6 of 6 targeted", "Sam has 3 leads, pia 3");
    }

    @Test
    void theResultsShowPerKeywordWhatItCostWhatItWonAndWhenItPaidBack() {
        int csv = lines.indexOf("As CSV:");
        assertThat(csv).isPositive();
        // keyword: the inbound lead, won 2500.00 on 03-10 against 150.00 (03-02) + 150.00 (03-09):
        //   cumulative cost 300.00 reached by the won 2500.00 on 03-10; return (2500 - 300) / 300 = 7.3333
        // no keyword: 6 bulk leads, 3 contacted (sam 2, pia 1), 2 qualified and converted, 1 won (1200.00
        //   on 03-05; pia's 800.00 is still open) against the mailing's 200.00: 200 / 6 = 33.33 a lead,
        //   return (1200 - 200) / 200 = 5.0000, paid back on 03-05
        // total: 7 leads; 3700.00 won against 500.00: 500 / 7 = 71.43 a lead, 250.00 a won deal,
        //   return 3200 / 500 = 6.4000; 350.00 spent by 03-02, 1200.00 won on 03-05: paid back then
        assertThat(lines.subList(csv + 1, csv + 5)).containsExactly(
                "scope,keyword,leads,contacted,qualified,converted,disqualified,deals_won,currency,won,"
                        + "won_other_currencies,planned_cost,actual_cost,cost_per_lead,cost_per_won_deal,"
                        + "return_on_cost,payback",
                "keyword,scanner upgrade,1,1,1,1,0,1,EUR,2500.00,,0.00,300.00,300.00,300.00,7.3333,2026-03-10",
                "no keyword,,6,3,2,2,0,1,EUR,1200.00,,500.00,200.00,33.33,200.00,5.0000,2026-03-05",
                "total,,7,4,3,3,0,2,EUR,3700.00,,500.00,500.00,71.43,250.00,6.4000,2026-03-05");
        assertThat(lines).contains("  keyword 'scanner upgrade': 1 leads, 1 contacted, 1 qualified, 1 converted;"
                + " 1 won for 2500.00 EUR; cost 300.00 EUR (planned 0.00 EUR), per lead 300.00 EUR, return 7.3333,"
                + " paid back 2026-03-10");
    }

    @Test
    void aSalespersonSeesHisLeadsAndDealsWithoutTheCosts() {
        // sam: 3 bulk leads + the inbound one; won 1200.00 + 2500.00
        // his three, the inbound one, and pia's lead on one of his customers (R28: the customer's owner sees it)
        assertThat(lines).contains("Sam sees 5 leads and 2 won deals for 3700.00 EUR, without the costs");
    }
}
