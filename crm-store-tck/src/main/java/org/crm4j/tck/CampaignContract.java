package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.campaign.Assignment;
import org.crm4j.campaign.Campaign;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.CampaignStatus;
import org.crm4j.campaign.CampaignSummary;
import org.crm4j.campaign.Campaigns;
import org.crm4j.campaign.CostEntry;
import org.crm4j.campaign.LeadOpening;
import org.crm4j.campaign.LeadOpeningReport;
import org.crm4j.campaign.LeadTargets;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.common.Money;
import org.crm4j.common.Page;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.lead.Lead;
import org.crm4j.lead.LeadStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaigns (period, people, costs, life cycle, need-to-know) and the bulk opening of their leads (R17). */
public abstract class CampaignContract extends ContractBase {
    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final LocalDate APRIL_30 = LocalDate.of(2026, 4, 30);

    @BeforeEach
    void productManager() {
        // a product manager outside the sales line, reporting to otto
        directory.add("pete", "otto");
    }

    private Campaigns campaigns(Actor actor) {
        return as(actor).campaigns();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @org.junit.jupiter.api.Test
    void aPeriodToADateNoStoreKeeps_isRefusedNamingTheField() {
        assertThatThrownBy(() -> campaigns(MIA).define(NewCampaign.named("Forever", CampaignGoal.OTHER, "EUR")
                .period(MARCH_1, LocalDate.MAX))).isInstanceOfSatisfying(org.crm4j.ValidationException.class,
                        e -> assertThat(e.violations()).extracting(org.crm4j.ValidationException.Violation::rule)
                                .contains("Range"));
    }

    private Campaign spring() {
        return campaigns(MIA).define(NewCampaign.named("Spring upsell", CampaignGoal.UPSELL, "EUR").product("CNC-40")
                .period(MARCH_1, APRIL_30).channel("search ads").productManager("pete")
                .cost(CostEntry.planned(MARCH_1, eur("5000.00"), "ads"))
                .cost(CostEntry.actual(LocalDate.of(2026, 3, 5), eur("120.50"), "ads").forKeyword("CRM  Software"))
                .cost(CostEntry.actual(LocalDate.of(2026, 3, 20), eur("79.50"), "ads").forKeyword("crm software"))
                .cost(CostEntry.actual(LocalDate.of(2026, 4, 2), eur("300.00"), "ads").forKeyword("cnc"))
                .cost(CostEntry.actual(LocalDate.of(2026, 3, 10), eur("999.00"), "print")));
    }

    private List<DomainEvent> deliveredOf(String type) {
        crm.deliverEvents();
        return delivered.stream().filter(e -> e.type().equals(type)).toList();
    }

    // ---- campaigns

    @Test
    void define_keepsItsGoalPeriodPeopleAndCosts() {
        Campaign defined = spring();

        Campaign read = campaigns(MIA).get(defined.id());
        assertThat(read.name()).isEqualTo("Spring upsell");
        assertThat(read.goal()).isEqualTo(CampaignGoal.UPSELL);
        assertThat(read.productCode()).contains("CNC-40");
        assertThat(read.startsOn()).isEqualTo(MARCH_1);
        assertThat(read.endsOn()).isEqualTo(APRIL_30);
        assertThat(read.channel()).contains("search ads");
        assertThat(read.ownerId()).isEqualTo("mia");
        assertThat(read.productManagerId()).contains("pete");
        assertThat(read.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(read.status()).isEqualTo(CampaignStatus.PLANNED);
        assertThat(read.costs()).hasSize(5);
        assertThat(read.costs().get(1).keyword()).isEqualTo("crm software");
        assertThat(read.costs().get(1).amount()).isEqualTo(eur("120.50"));
        assertThat(deliveredOf(EventTypes.CAMPAIGN_DEFINED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("owner", "mia").containsEntry("goal", "UPSELL"));
    }

    @Test
    void actualCost_ofAKeywordSumsItsActualEntriesDatedInThePeriod() {
        Campaign campaign = campaigns(MIA).get(spring().id());

        assertThat(campaign.actualCost("crm software", MARCH_1, LocalDate.of(2026, 3, 31))).isEqualTo(eur("200.00"));
        assertThat(campaign.actualCost("CRM Software", MARCH_1, LocalDate.of(2026, 3, 10))).isEqualTo(eur("120.50"));
        assertThat(campaign.actualCost("cnc", MARCH_1, LocalDate.of(2026, 3, 31))).isEqualTo(eur("0.00"));
        assertThat(campaign.actualCost(null, MARCH_1, APRIL_30)).isEqualTo(eur("1499.00"));
    }

    @Test
    void needToKnow_ownerProductManagerTheirSuperiorsAndAdminsSeeACampaign_othersOnlyItsSummary() {
        Campaign campaign = spring();

        for (Actor allowed : List.of(MIA, CARL, Actor.of("pete"), OTTO, ADA)) {
            assertThat(campaigns(allowed).get(campaign.id()).costs()).as(allowed.id()).hasSize(5);
        }
        for (Actor denied : List.of(SAM, PIA)) {
            assertThatThrownBy(() -> campaigns(denied).get(campaign.id())).as(denied.id())
                    .isInstanceOf(AccessDeniedException.class);
            CampaignSummary summary = campaigns(denied).summary(campaign.id());
            assertThat(summary.name()).isEqualTo("Spring upsell");
            assertThat(summary.status()).isEqualTo(CampaignStatus.PLANNED);
        }
        assertThatThrownBy(() -> campaigns(SAM).define(NewCampaign.named("Otto's", CampaignGoal.OTHER, "EUR")
                .period(MARCH_1, APRIL_30).owner("otto"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void startAndEnd_moveTheLifeCycleAndRaiseEvents_staleCopiesConflict() {
        Campaign campaign = spring();
        Campaign stale = campaigns(MIA).get(campaign.id());

        Campaign running = campaigns(MIA).save(campaigns(MIA).get(campaign.id()).start());
        assertThat(running.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThatThrownBy(() -> campaigns(MIA).save(stale.rename("Spring"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(running::start).isInstanceOf(ValidationException.class);

        Campaign ended = campaigns(MIA).save(running.addCost(CostEntry.actual(APRIL_30, eur("10.00"), "ads")).end());
        assertThat(ended.status()).isEqualTo(CampaignStatus.ENDED);
        assertThat(campaigns(CARL).get(campaign.id()).costs()).hasSize(6);
        assertThatThrownBy(() -> campaigns(MIA).get(campaign.id()).rename("Later"))
                .isInstanceOf(ValidationException.class);
        assertThat(deliveredOf(EventTypes.CAMPAIGN_STARTED)).singleElement()
                .satisfies(e -> assertThat(e.aggregateId()).isEqualTo(campaign.id().value()));
        assertThat(deliveredOf(EventTypes.CAMPAIGN_ENDED)).hasSize(1);
        assertThat(deliveredOf(EventTypes.CAMPAIGN_UPDATED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("fields", "costs"));
    }

    @Test
    void badInput_isRefusedWithEveryBrokenRuleAndNothingIsWritten() {
        assertThatThrownBy(() -> campaigns(MIA).define(NewCampaign.named(" ", CampaignGoal.UPSELL, "EUR")
                .period(APRIL_30, MARCH_1).owner("nobody").productManager("ghost")
                .cost(CostEntry.planned(MARCH_1, Money.of("10.00", "USD"), "ads"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("name", "endsOn", "productCode", "costs[0].amount", "ownerId", "productManagerId"));
        assertThatThrownBy(() -> CostEntry.actual(MARCH_1, eur("-1.00"), "ads"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("cost.amount")).isTrue());
        assertThatThrownBy(() -> CostEntry.actual(MARCH_1, eur("1.00"), "ads").forKeyword("a;b"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> NewCampaign.named("X", CampaignGoal.OTHER, "XYZ"))
                .isInstanceOf(ValidationException.class);
        Campaign campaign = spring();
        assertThatThrownBy(() -> campaigns(MIA).save(campaign.period(APRIL_30, MARCH_1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("endsOn")).isTrue());
        assertThat(deliveredOf(EventTypes.CAMPAIGN_DEFINED)).hasSize(1);
        assertThat(deliveredOf(EventTypes.CAMPAIGN_UPDATED)).isEmpty();
    }

    // ---- bulk opening of leads

    private List<CustomerId> companies(Actor owner, String prefix, int count, String... tags) {
        List<CustomerId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(customersOf(owner).create(NewCustomer.company(prefix + " " + i).tags(tags)).id());
        }
        return ids;
    }

    private List<Lead> leadsOf(Campaign campaign, Actor actor) {
        List<Lead> all = new ArrayList<>();
        String token = null;
        do {
            Page<Lead> page = as(actor).leads().ofCampaign(campaign.id(), token, 7);
            all.addAll(page.items());
            token = page.nextPageToken();
        } while (token != null);
        return all;
    }

    @Test
    void openLeads_byList_givesEachLeadToItsCustomersOwner_withOpenedAndAssignedEvents() {
        Campaign campaign = spring();
        List<CustomerId> targets = new ArrayList<>(companies(SAM, "Sam Co", 3));
        targets.addAll(companies(PIA, "Pia Co", 2));

        LeadOpeningReport report = campaigns(MIA).openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.customers(targets)));

        assertThat(report).isEqualTo(new LeadOpeningReport(5, 5, 0));
        List<Lead> leads = leadsOf(campaign, MIA);
        assertThat(leads).extracting(l -> l.customerId().orElseThrow()).containsExactlyElementsOf(targets);
        assertThat(leads).extracting(Lead::ownerId).containsExactly("sam", "sam", "sam", "pia", "pia");
        assertThat(leads).allSatisfy(l -> {
            assertThat(l.status()).isEqualTo(LeadStatus.NEW);
            assertThat(l.campaignId()).contains(campaign.id());
            assertThat(l.createdBy()).isEqualTo("mia");
        });
        assertThat(deliveredOf(EventTypes.LEAD_OPENED)).hasSize(5);
        assertThat(deliveredOf(EventTypes.LEAD_ASSIGNED)).extracting(e -> e.data().get("owner"))
                .containsExactlyInAnyOrder("sam", "sam", "sam", "pia", "pia");
        assertThat(leadsOf(campaign, SAM)).hasSize(3);
        assertThat(leadsOf(campaign, PIA)).hasSize(2);
        assertThat(leadsOf(campaign, OTTO)).isEmpty();
    }

    @Test
    void openLeads_again_opensNoDuplicatesAndReportsThemAlreadyOpen() {
        Campaign campaign = spring();
        List<CustomerId> first = companies(SAM, "Sam Co", 4);
        campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(LeadTargets.customers(first.subList(0, 2))));

        LeadOpeningReport again = campaigns(MIA).openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.customers(first)));
        LeadOpeningReport third = campaigns(MIA).openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.customers(first)));

        assertThat(again).isEqualTo(new LeadOpeningReport(4, 2, 2));
        assertThat(third).isEqualTo(new LeadOpeningReport(4, 0, 4));
        assertThat(leadsOf(campaign, ADA)).hasSize(4);
        assertThat(deliveredOf(EventTypes.LEAD_OPENED)).hasSize(4);
    }

    @Test
    void openLeads_byCriteria_targetsOnlyMatchingCustomersTheActorMayOpen_reportingEachBatch() {
        Campaign campaign = spring();
        List<CustomerId> tagged = new ArrayList<>(companies(SAM, "Sam Co", 3, "cnc"));
        tagged.addAll(companies(PIA, "Pia Co", 2, "cnc"));
        companies(SAM, "Untagged", 2);
        companies(OTTO, "Otto Co", 2, "cnc");
        List<LeadOpeningReport> progress = new ArrayList<>();

        LeadOpeningReport report = campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(
                LeadTargets.matching(Criteria.tagged("cnc"))).batchSize(2).onProgress(progress::add));

        assertThat(report).isEqualTo(new LeadOpeningReport(5, 5, 0));
        assertThat(progress).containsExactly(new LeadOpeningReport(2, 2, 0), new LeadOpeningReport(4, 4, 0),
                new LeadOpeningReport(5, 5, 0));
        assertThat(leadsOf(campaign, ADA)).extracting(l -> l.customerId().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(tagged);

        LeadOpeningReport again = campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(
                LeadTargets.matching(Criteria.tagged("cnc"))).batchSize(2));
        assertThat(again).isEqualTo(new LeadOpeningReport(5, 0, 5));
    }

    @Test
    void openLeads_roundRobinOverATeamOrAList_dealsTheLeadsOutInTurn() {
        Campaign campaign = spring();
        Campaign other = campaigns(MIA).define(NewCampaign.named("Renewals", CampaignGoal.RENEWAL, "EUR")
                .period(MARCH_1, APRIL_30));
        List<CustomerId> targets = companies(MIA, "Mia Co", 5);

        campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(LeadTargets.customers(targets))
                .assign(Assignment.teamOf("mia")).batchSize(2));
        campaigns(MIA).openLeads(other.id(), LeadOpening.of(LeadTargets.customers(targets))
                .assign(Assignment.roundRobin(List.of("pia", "sam", "mia"))));

        List<String> team = leadsOf(campaign, MIA).stream().map(Lead::ownerId).toList();
        assertThat(team).containsOnly("sam", "pia");
        for (int i = 1; i < team.size(); i++) {
            assertThat(team.get(i)).as("lead " + i).isNotEqualTo(team.get(i - 1));
        }
        assertThat(leadsOf(other, MIA)).extracting(Lead::ownerId).containsExactly("pia", "sam", "mia", "pia", "sam");
    }

    @Test
    void openLeads_mappedCustomersGoToTheirSalesperson_theOthersToTheFallback() {
        Campaign campaign = spring();
        List<CustomerId> targets = companies(MIA, "Mia Co", 3);

        campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(LeadTargets.customers(targets))
                .assign(Assignment.mapped(Map.of(targets.get(1), "pia"), Assignment.roundRobin(List.of("sam")))));

        assertThat(leadsOf(campaign, MIA)).extracting(Lead::ownerId).containsExactly("sam", "pia", "sam");
    }

    @Test
    void openLeads_unknownOrUnopenableTargets_areRefusedTogetherBeforeAnythingIsWritten() {
        Campaign campaign = spring();
        List<CustomerId> mine = companies(SAM, "Sam Co", 2);
        CustomerId otto = companies(OTTO, "Otto Co", 1).get(0);
        List<CustomerId> withUnknown = List.of(mine.get(0), CustomerId.of(987_654_321L), otto, mine.get(1));

        assertThatThrownBy(() -> campaigns(MIA).openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.customers(withUnknown)).batchSize(1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("targets[1]", "Exists"),
                                org.assertj.core.groups.Tuple.tuple("targets[2]", "Openable")));
        assertThatThrownBy(() -> campaigns(MIA).openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.customers(List.of(mine.get(0), otto)))))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining(Long.toString(otto.value()));
        customersOf(SAM).save(customersOf(SAM).get(mine.get(1)).archive());
        assertThatThrownBy(() -> campaigns(MIA).openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.customers(mine))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("targets[1]", "Active")));

        assertThat(leadsOf(campaign, ADA)).isEmpty();
        assertThat(deliveredOf(EventTypes.LEAD_OPENED)).isEmpty();
    }

    @Test
    void openLeads_unknownAssigneesAnEmptyTeamOrUnseenUsers_areRefusedUpFront() {
        Campaign campaign = spring();
        List<CustomerId> targets = companies(SAM, "Sam Co", 2);
        LeadTargets listed = LeadTargets.customers(targets);

        assertThatThrownBy(() -> campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(listed)
                .assign(Assignment.roundRobin(List.of("sam", "nobody")))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.hasViolation("assignment.userIds[1]")).isTrue());
        assertThatThrownBy(() -> campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(listed)
                .assign(Assignment.teamOf("sam"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("HasTeam"));
        assertThatThrownBy(() -> campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(listed)
                .assign(Assignment.mapped(Map.of(targets.get(0), "ghost"), Assignment.teamOf("nobody")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("assignment.owners[0]",
                                "assignment.fallback.managerId"));
        assertThatThrownBy(() -> campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(listed)
                .assign(Assignment.roundRobin(List.of("otto"))))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> campaigns(SAM).openLeads(campaign.id(), LeadOpening.of(listed)))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(leadsOf(campaign, ADA)).isEmpty();
    }

    @Test
    void openLeads_onAnEndedCampaign_isRefused() {
        Campaign campaign = spring();
        campaigns(MIA).save(campaigns(MIA).save(campaign.start()).end());
        List<CustomerId> targets = companies(SAM, "Sam Co", 1);

        assertThatThrownBy(() -> campaigns(MIA).openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.customers(targets)))).isInstanceOf(ValidationException.class);
        assertThat(leadsOf(campaign, ADA)).isEmpty();
    }

    @Test
    void openLeads_hundredsOfTargets_runInSeveralBatches() {
        Campaign campaign = spring();
        List<CustomerId> targets = new ArrayList<>(companies(SAM, "Sam Co", 130, "bulk"));
        targets.addAll(companies(PIA, "Pia Co", 100, "bulk"));
        List<LeadOpeningReport> progress = new ArrayList<>();

        LeadOpeningReport byList = campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(
                LeadTargets.customers(targets.subList(0, 170))).batchSize(50).onProgress(progress::add));
        LeadOpeningReport byCriteria = campaigns(CARL).openLeads(campaign.id(), LeadOpening.of(
                LeadTargets.matching(Criteria.tagged("bulk"))).batchSize(50).onProgress(progress::add));

        assertThat(byList).isEqualTo(new LeadOpeningReport(170, 170, 0));
        assertThat(byCriteria).isEqualTo(new LeadOpeningReport(230, 60, 170));
        assertThat(progress).extracting(LeadOpeningReport::targeted).containsExactly(50L, 100L, 150L, 170L,
                50L, 100L, 150L, 200L, 230L);
        List<Lead> leads = leadsOf(campaign, ADA);
        assertThat(leads).hasSize(230);
        assertThat(leads).extracting(l -> l.customerId().orElseThrow()).doesNotHaveDuplicates();
        assertThat(deliveredOf(EventTypes.LEAD_OPENED)).hasSize(230)
                .extracting(DomainEvent::aggregateId).doesNotHaveDuplicates();
        assertThat(deliveredOf(EventTypes.LEAD_ASSIGNED)).hasSize(230);
    }

    @Test
    void openLeads_checksForExistingLeadsOnceABatch_notOnceATarget() {
        CountingDataSource counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "the store speaks no SQL");
        Campaign campaign = spring();
        List<CustomerId> targets = companies(SAM, "Sam Co", 120);
        counter.reset();
        campaigns(MIA).openLeads(campaign.id(), LeadOpening.of(LeadTargets.customers(targets)).batchSize(60));
        long first = counter.statements();

        counter.reset();
        LeadOpeningReport again = campaigns(MIA).openLeads(campaign.id(),
                LeadOpening.of(LeadTargets.customers(targets)).batchSize(60));
        long rerun = counter.statements();

        assertThat(again).isEqualTo(new LeadOpeningReport(120, 0, 120));
        // the campaign, the up-front check (one query per batch), then per batch its targets and
        // the existing leads: about 6 statements, nowhere near one per target
        assertThat(rerun).isLessThanOrEqualTo(12);
        // the first run too: the leads, their ids, their events and the events' sequence numbers
        // (one draw per batch, see JpaEventStore) come in batches, not one statement per lead; each
        // batch ends with the commit clock and its events' stamp (two statements, the change feed's)
        assertThat(first).isLessThanOrEqualTo(24);
    }
}
