package org.crm4j.examples;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.campaign.Assignment;
import org.crm4j.campaign.Campaign;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.CostEntry;
import org.crm4j.campaign.LeadOpening;
import org.crm4j.campaign.LeadOpeningReport;
import org.crm4j.campaign.LeadTargets;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.common.Money;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.NewCustomer;
import org.crm4j.lead.Conversion;
import org.crm4j.lead.Lead;
import org.crm4j.lead.Leads;
import org.crm4j.lead.NewLead;
import org.crm4j.lead.Prospect;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunities;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.reports.CampaignResult;
import org.crm4j.reports.CampaignResultRow;
import org.crm4j.reports.CampaignResults;

/**
 * An upsell campaign from its costs to its payback: a sales manager defines the campaign with a
 * mailing and search ads on a keyword, opens leads in bulk on the customers tagged for it, shared
 * round-robin over her team, while an inbound lead for a prospect comes in on the keyword; her
 * salespeople contact, qualify and convert leads, deals are won, and the campaign's results show
 * per keyword what it cost, what it won and on which day it paid back, then as CSV.
 *
 * <p>Run it with {@code mvn -q -B -pl crm-examples -am -DskipTests package exec:java
 * -Dexec.mainClass=org.crm4j.examples.CampaignScenario}.
 */
public final class CampaignScenario {
    private static final String KEYWORD = "scanner upgrade";

    private final PrintStream out;

    /** @param out where the story is printed */
    public CampaignScenario(PrintStream out) {
        this.out = out;
    }

    /** @param args none */
    public static void main(String[] args) {
        new CampaignScenario(System.out).run();
    }

    /** Runs the story. */
    public void run() {
        var directory = new InMemoryUserDirectory()
                .add("mia", null)
                .add("sam", "mia")
                .add("pia", "mia")
                .add("ada", null, Actor.ADMIN);
        StoryClock clock = new StoryClock(Instant.parse("2026-03-02T09:00:00Z"));
        try (Crm crm = Crm.builder().userDirectory(directory).clock(clock).build()) {
            Actor mia = Actor.of("mia");
            Actor sam = Actor.of("sam");
            Actor pia = Actor.of("pia");
            Pipeline upsell = crm.as(Actor.of("ada", Actor.ADMIN)).pipelines().define(NewPipeline.named("Upsell", "EUR")
                    .stage(Stage.open("OFFER", "Offer", 30))
                    .stage(Stage.won("WON", "Won"))
                    .stage(Stage.lost("LOST", "Lost"))
                    .wonReasons("FIT")
                    .lostReasons("PRICE"));

            // The customers with the old scanner fleet are tagged, three each for sam and pia.
            for (String name : List.of("Kowalski Logistics", "Baltic Freight", "Vistula Cargo")) {
                crm.as(sam).customers().create(NewCustomer.company(name).tags("scanner-fleet"));
            }
            for (String name : List.of("Oder Transport", "Warta Storage", "Tatra Depots")) {
                crm.as(pia).customers().create(NewCustomer.company(name).tags("scanner-fleet"));
            }
            crm.as(pia).customers().create(NewCustomer.company("Untagged Ltd"));

            // Mia plans the upsell: a mailing, and search ads paid per keyword.
            Campaign campaign = crm.as(mia).campaigns().define(NewCampaign.named("Scanner upgrade",
                    CampaignGoal.UPSELL, "EUR").product("SCN-300").channel("mailing and search ads")
                    .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))
                    .cost(CostEntry.planned(LocalDate.of(2026, 3, 1), eur("500.00"), "mailing"))
                    .cost(CostEntry.actual(LocalDate.of(2026, 3, 2), eur("200.00"), "mailing"))
                    .cost(CostEntry.actual(LocalDate.of(2026, 3, 2), eur("150.00"), "ads").forKeyword(KEYWORD))
                    .cost(CostEntry.actual(LocalDate.of(2026, 3, 9), eur("150.00"), "ads").forKeyword(KEYWORD)));
            campaign = crm.as(mia).campaigns().save(campaign.start());
            out.println("Campaign " + campaign.name() + " (" + campaign.goal() + " of "
                    + campaign.productCode().orElseThrow() + ") is " + campaign.status());

            // Leads on every tagged customer, shared round-robin over the team, two per transaction.
            LeadOpeningReport opened = crm.as(mia).campaigns().openLeads(campaign.id(), LeadOpening
                    .of(LeadTargets.matching(Criteria.tagged("scanner-fleet")))
                    .assign(Assignment.roundRobin(List.of("sam", "pia"))).batchSize(2)
                    .onProgress(soFar -> out.println("  opened " + soFar.opened() + " leads so far")));
            out.println("Leads opened: " + opened.opened() + " of " + opened.targeted() + " targeted");

            Leads samsLeads = crm.as(sam).leads();
            Leads piasLeads = crm.as(pia).leads();
            // each sees their own leads and the other's leads on their customers (R28); each works their own
            List<Lead> his = samsLeads.ofCampaign(campaign.id(), null, 50).items().stream()
                    .filter(l -> l.ownerId().equals("sam")).toList();
            List<Lead> hers = piasLeads.ofCampaign(campaign.id(), null, 50).items().stream()
                    .filter(l -> l.ownerId().equals("pia")).toList();
            out.println("Sam has " + his.size() + " leads, pia " + hers.size());

            // An inbound lead on the keyword, from a prospect who is no customer yet.
            Lead inbound = crm.as(mia).leads().open(NewLead.inbound(Prospect.company("Nordwind GmbH")
                    .withEmail("einkauf@nordwind.example")).campaign(campaign.id()).keyword("Scanner Upgrade")
                    .source("web form").owner("sam"));

            // The salespeople work their leads.
            OpportunityId first = convert(samsLeads, his.get(0), upsell, "Upgrade 40 scanners", "1200.00");
            samsLeads.recordContact(his.get(1).id(), "Left a message");
            OpportunityId nordwind = convert(samsLeads, inbound, upsell, "Scanners for Nordwind", "2500.00");
            convert(piasLeads, hers.get(0), upsell, "Upgrade 25 scanners", "800.00");

            Opportunities samsDeals = crm.as(sam).opportunities();
            clock.days(3);
            samsDeals.save(samsDeals.get(first).win("FIT", null));
            clock.days(5);
            samsDeals.save(samsDeals.get(nordwind).win("FIT", null));
            out.println("Won on " + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + ": "
                    + samsDeals.get(nordwind).title());

            // The results, for the manager who runs the campaign.
            CampaignResult result = crm.as(mia).report(CampaignResults.of(campaign.id()));
            out.println("Results of " + result.name() + " for mia:");
            for (CampaignResultRow row : result.rows()) {
                print(row);
            }
            print(result.total());
            out.println("As CSV:");
            out.print(result.toCsv().replace("\r\n", System.lineSeparator()));

            // A salesperson sees his own leads and deals, not what the campaign cost.
            CampaignResult sams = crm.as(sam).report(CampaignResults.of(campaign.id()));
            out.println("Sam sees " + sams.total().leads() + " leads and " + sams.total().dealsWon() + " won deals for "
                    + sams.total().won() + (sams.costsVisible() ? ", with the costs" : ", without the costs"));
        }
    }

    private static OpportunityId convert(Leads leads, Lead lead, Pipeline pipeline, String title, String amount) {
        leads.recordContact(lead.id(), "Called, interested");
        leads.save(leads.get(lead.id()).qualify());
        return leads.convert(lead.id(), Conversion.into(pipeline.id(), title).amount(eur(amount))
                .expectedClose(LocalDate.of(2026, 4, 30))).opportunityId().orElseThrow();
    }

    private void print(CampaignResultRow row) {
        String label = switch (row.scope()) {
            case KEYWORD -> "keyword '" + row.keyword() + "'";
            case NO_KEYWORD -> "without keyword";
            case TOTAL -> "total";
        };
        out.println("  " + label + ": " + row.leads() + " leads, " + row.contacted() + " contacted, "
                + row.qualified() + " qualified, " + row.converted() + " converted; " + row.dealsWon() + " won for "
                + row.won() + "; cost " + row.actualCost() + " (planned " + row.plannedCost() + "), per lead "
                + row.costPerLead() + ", return " + row.returnOnCost() + ", paid back "
                + row.paybackDate().map(LocalDate::toString).orElse("not yet"));
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

}
