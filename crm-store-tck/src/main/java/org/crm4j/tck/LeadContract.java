package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.Crm;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.campaign.Campaign;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.common.Money;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.CustomerSummary;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.lead.Conversion;
import org.crm4j.lead.Lead;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.Leads;
import org.crm4j.lead.NewLead;
import org.crm4j.lead.Prospect;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.plugin.PipelineRule;
import org.crm4j.plugin.StageMove;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leads: opening, life cycle, need-to-know on every read path, and their atomic conversion (R17). */
public abstract class LeadContract extends ContractBase {
    private static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

    private Pipeline pipeline;
    private Campaign campaign;
    private Customer acme;

    @BeforeEach
    void pipelineCampaignAndCustomer() {
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.open("PROPOSAL", "Proposal", 50))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost"))
                .wonReasons("PRICE")
                .lostReasons("PRICE"));
        campaign = as(MIA).campaigns().define(NewCampaign.named("Search ads", CampaignGoal.NEW_CUSTOMERS, "EUR")
                .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 31)).channel("search ads"));
        acme = customersOf(SAM).create(NewCustomer.company("ACME"));
    }

    private Leads leads(Actor actor) {
        return as(actor).leads();
    }

    private static Prospect initech() {
        return Prospect.company("Initech").withPerson("Bill Lumbergh").withEmail("bill@initech.example")
                .withPhone("+49 30 1234567").withTaxId("DE 123.456.789").withPlace("Berlin", "de");
    }

    private Lead inbound(Actor actor) {
        return leads(actor).open(NewLead.inbound(initech()).campaign(campaign.id()).keyword("CRM Software")
                .source("web form"));
    }

    private Lead qualified(Lead lead, Actor actor) {
        leads(actor).recordContact(lead.id(), "Called, wants a demo");
        return leads(actor).save(leads(actor).get(lead.id()).qualify());
    }

    private Conversion deal() {
        return Conversion.into(pipeline.id(), "CRM for Initech").amount(Money.of("24000.00", "EUR"))
                .expectedClose(JUNE_30);
    }

    private List<DomainEvent> deliveredOf(String type) {
        crm.deliverEvents();
        return delivered.stream().filter(e -> e.type().equals(type)).toList();
    }

    private List<CustomerSummary> customersNamed(String name) {
        return customersOf(ADA).search(CustomerQuery.where(Criteria.nameContains(name))).items();
    }

    // ---- opening and life cycle

    @Test
    void open_inboundKeepsTheProspect_andTellsTheAssignedSalesperson() {
        Lead lead = leads(MIA).open(NewLead.inbound(initech()).campaign(campaign.id()).keyword(" CRM   Software ")
                .source("web form").owner("sam"));

        Lead read = leads(SAM).get(lead.id());
        assertThat(read.status()).isEqualTo(LeadStatus.NEW);
        assertThat(read.customerId()).isEmpty();
        Prospect p = read.prospect().orElseThrow();
        assertThat(p.company()).isEqualTo("Initech");
        assertThat(p.personName()).isEqualTo("Bill Lumbergh");
        assertThat(p.email().value()).isEqualTo("bill@initech.example");
        assertThat(p.phone()).isEqualTo(initech().phone());
        assertThat(p.taxId()).isEqualTo("DE123456789");
        assertThat(p.country()).isEqualTo("DE");
        assertThat(read.keyword()).contains("crm software");
        assertThat(read.source()).contains("web form");
        assertThat(read.campaignId()).contains(campaign.id());
        assertThat(read.ownerId()).isEqualTo("sam");
        assertThat(read.createdBy()).isEqualTo("mia");
        assertThat(deliveredOf(EventTypes.LEAD_OPENED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("keyword", "crm software"));
        assertThat(deliveredOf(EventTypes.LEAD_ASSIGNED)).singleElement().satisfies(e -> {
            assertThat(e.aggregateId()).isEqualTo(lead.id().value());
            assertThat(e.data()).containsEntry("owner", "sam");
        });
    }

    @Test
    void open_onACustomer_onceACampaign() {
        Lead lead = leads(SAM).open(NewLead.onCustomer(acme.id()).campaign(campaign.id()));

        assertThat(leads(SAM).ofCustomer(acme.id())).extracting(Lead::id).containsExactly(lead.id());
        assertThatThrownBy(() -> leads(SAM).open(NewLead.onCustomer(acme.id()).campaign(campaign.id())))
                .isInstanceOf(ConflictException.class);
        assertThat(leads(SAM).open(NewLead.onCustomer(acme.id())).campaignId()).isEmpty();
        assertThat(deliveredOf(EventTypes.LEAD_OPENED)).hasSize(2)
                .allSatisfy(e -> assertThat(e.customerId()).isEqualTo(acme.id().value()));
    }

    @Test
    void open_badInput_isRefused() {
        assertThatThrownBy(() -> Prospect.company(" ").withTaxId("1")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.rule())
                        .contains("NameOrChannel"));
        assertThat(Prospect.byEmail("x@example.com").withPerson("X").email().value()).isEqualTo("x@example.com");
        assertThatThrownBy(() -> leads(SAM).open(NewLead.inbound(initech()).owner("nobody")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("ownerId")).isTrue());
        assertThatThrownBy(() -> leads(SAM).open(NewLead.inbound(initech()).owner("pia")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads(PIA).open(NewLead.onCustomer(acme.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads(SAM).open(NewLead.inbound(initech()).campaign(
                org.crm4j.campaign.CampaignId.of(987_654_321L))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("campaignId")).isTrue());
        assertThatThrownBy(() -> NewLead.inbound(initech()).keyword("a;b")).isInstanceOf(ValidationException.class);
        assertThat(deliveredOf(EventTypes.LEAD_OPENED)).isEmpty();
    }

    @Test
    void lifeCycle_contactedQualifiedOrDisqualified_withDatedAttemptsAndEvents() {
        Lead lead = inbound(SAM);
        assertThatThrownBy(() -> leads(SAM).get(lead.id()).qualify()).isInstanceOf(ValidationException.class);

        clock.advance(Duration.ofHours(2));
        Lead contacted = leads(SAM).recordContact(lead.id(), "Left a voice mail");
        clock.advance(Duration.ofDays(1));
        leads(MIA).recordContact(lead.id(), "Called back, wants a demo");
        Lead read = leads(SAM).get(lead.id());
        assertThat(contacted.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(read.attempts()).extracting(a -> a.by(), a -> a.text()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sam", "Left a voice mail"),
                org.assertj.core.groups.Tuple.tuple("mia", "Called back, wants a demo"));
        assertThat(read.attempts().get(1).at()).isEqualTo(read.attempts().get(0).at().plus(Duration.ofDays(1)));

        Lead stale = leads(SAM).get(lead.id());
        Lead qualified = leads(SAM).save(leads(SAM).get(lead.id()).qualify());
        assertThat(qualified.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThatThrownBy(() -> leads(SAM).save(stale.disqualify("No budget")))
                .isInstanceOf(ConflictException.class);

        Lead other = inbound(SAM);
        Lead disqualified = leads(SAM).save(leads(SAM).get(other.id()).disqualify("No budget this year"));
        assertThat(leads(MIA).get(other.id()).disqualifyReason()).contains("No budget this year");
        assertThatThrownBy(() -> disqualified.assignTo("pia")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> leads(SAM).recordContact(other.id(), "Again"))
                .isInstanceOf(ValidationException.class);
        assertThat(deliveredOf(EventTypes.LEAD_CONTACTED)).hasSize(1);
        assertThat(deliveredOf(EventTypes.LEAD_QUALIFIED)).singleElement()
                .satisfies(e -> assertThat(e.aggregateId()).isEqualTo(lead.id().value()));
        assertThat(deliveredOf(EventTypes.LEAD_DISQUALIFIED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("reason", "No budget this year"));
    }

    @Test
    void assignTo_handsTheLeadOver_tellingTheNewSalesperson() {
        Lead lead = inbound(SAM);

        leads(MIA).save(leads(MIA).get(lead.id()).assignTo("pia"));

        assertThat(leads(PIA).get(lead.id()).ownerId()).isEqualTo("pia");
        assertThatThrownBy(() -> leads(SAM).get(lead.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> leads(PIA).save(leads(PIA).get(lead.id()).assignTo("otto")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(deliveredOf(EventTypes.LEAD_ASSIGNED)).extracting(e -> e.data().get("owner"), e -> e.data().get("from"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sam", null),
                        org.assertj.core.groups.Tuple.tuple("pia", "sam"));
    }

    @Test
    void needToKnow_theOwnerTheirSuperiorsAndAdminsSeeALead_onEveryReadPath_andACustomerTheActorMayNotOpenIsRefused() {
        Lead onAcme = leads(SAM).open(NewLead.onCustomer(acme.id()).campaign(campaign.id()));
        Lead prospect = inbound(SAM);

        for (Actor allowed : List.of(SAM, MIA, CARL, ADA)) {
            assertThat(leads(allowed).get(onAcme.id()).id()).as(allowed.id()).isEqualTo(onAcme.id());
            assertThat(leads(allowed).get(prospect.id()).id()).as(allowed.id()).isEqualTo(prospect.id());
            assertThat(leads(allowed).ofCustomer(acme.id())).as(allowed.id()).hasSize(1);
            assertThat(leads(allowed).ofCampaign(campaign.id(), null, 10).items()).as(allowed.id()).hasSize(2);
        }
        for (Actor denied : List.of(PIA, OTTO)) {
            assertThatThrownBy(() -> leads(denied).get(onAcme.id())).as(denied.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> leads(denied).recordContact(prospect.id(), "Hi")).as(denied.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> leads(denied).convert(prospect.id(), deal())).as(denied.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> leads(denied).ofCustomer(acme.id())).as(denied.id())
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(leads(denied).ofCampaign(campaign.id(), null, 10).items()).as(denied.id()).isEmpty();
        }
        assertThatThrownBy(() -> leads(SAM).get(org.crm4j.lead.LeadId.of(987_654_321L)))
                .isInstanceOf(NotFoundException.class);
    }

    // ---- conversion

    @Test
    void convert_aCustomersLead_opensADealThatRecordsItsCampaignAndKeyword() {
        Lead lead = qualified(leads(SAM).open(NewLead.onCustomer(acme.id()).campaign(campaign.id())
                .keyword("crm software")), SAM);

        Lead converted = leads(MIA).convert(lead.id(), deal().stage("PROPOSAL"));

        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        Opportunity opportunity = as(SAM).opportunities().get(converted.opportunityId().orElseThrow());
        assertThat(opportunity.customerId()).isEqualTo(acme.id());
        assertThat(opportunity.ownerId()).isEqualTo("sam");
        assertThat(opportunity.stageCode()).isEqualTo("PROPOSAL");
        assertThat(opportunity.amount()).contains(Money.of("24000.00", "EUR"));
        assertThat(opportunity.source()).contains("campaign:" + campaign.id() + ";keyword:crm software;lead:"
                + lead.id());
        assertThat(converted.customerId()).contains(acme.id());
        assertThat(leads(SAM).get(lead.id()).opportunityId()).contains(opportunity.id());
        assertThat(deliveredOf(EventTypes.LEAD_CONVERTED)).singleElement().satisfies(e -> {
            assertThat(e.data()).containsEntry("deal", opportunity.id().toString())
                    .containsEntry("customer", acme.id().toString()).doesNotContainKey("newCustomer");
            assertThat(e.opportunityId()).isEmpty();
        });
        assertThat(deliveredOf(EventTypes.OPPORTUNITY_OPENED)).hasSize(1);
    }

    @Test
    void convert_aProspect_makesTheCustomerItsContactAndTheDeal_inOneGo() {
        Lead lead = qualified(inbound(SAM), SAM);

        Lead converted = leads(SAM).convert(lead.id(), deal());

        Customer customer = customersOf(SAM).get(converted.customerId().orElseThrow());
        assertThat(customer.name()).isEqualTo("Initech");
        assertThat(customer.ownerId()).isEqualTo("sam");
        assertThat(customer.taxId()).contains("DE123456789");
        List<ContactPerson> contacts = customersOf(SAM).contacts(customer.id());
        assertThat(contacts).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Bill Lumbergh");
            assertThat(c.isPrimary()).isTrue();
            assertThat(c.channels(ChannelType.EMAIL)).extracting(ch -> ch.value())
                    .containsExactly("bill@initech.example");
            assertThat(c.channels(ChannelType.PHONE)).hasSize(1);
        });
        List<Opportunity> deals = as(SAM).opportunities().ofCustomer(customer.id());
        assertThat(deals).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo(converted.opportunityId().orElseThrow());
            assertThat(d.source()).contains("campaign:" + campaign.id() + ";keyword:crm software;lead:" + lead.id());
            assertThat(d.stageCode()).isEqualTo("QUALIFY");
        });
        assertThat(deliveredOf(EventTypes.CUSTOMER_CREATED)).extracting(DomainEvent::aggregateId)
                .contains(customer.id().value());
        assertThat(deliveredOf(EventTypes.LEAD_CONVERTED)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry("newCustomer", "true"));
    }

    @Test
    void convert_isRefusedUnlessTheLeadIsQualified() {
        Lead fresh = inbound(SAM);
        assertThatThrownBy(() -> leads(SAM).convert(fresh.id(), deal())).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.rule())
                        .containsExactly("Qualified"));
        Lead disqualified = leads(SAM).save(leads(SAM).get(inbound(SAM).id()).disqualify("Student project"));
        assertThatThrownBy(() -> leads(SAM).convert(disqualified.id(), deal()))
                .isInstanceOf(ValidationException.class);
        Lead converted = leads(SAM).convert(qualified(inbound(SAM), SAM).id(), deal());
        assertThatThrownBy(() -> leads(SAM).convert(converted.id(), deal())).isInstanceOf(ConflictException.class);
        Lead nameless = qualified(leads(SAM).open(NewLead.inbound(Prospect.byEmail("someone@example.com"))), SAM);
        assertThatThrownBy(() -> leads(SAM).convert(nameless.id(), deal())).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.hasViolation("prospect")).isTrue());
        Lead badDeal = qualified(inbound(SAM), SAM);
        assertThatThrownBy(() -> leads(SAM).convert(badDeal.id(), deal().stage("WON")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("stage")).isTrue());

        assertThat(customersNamed("Initech")).hasSize(1);
        assertThat(leads(SAM).get(badDeal.id()).status()).isEqualTo(LeadStatus.QUALIFIED);
    }

    /** Reopens the CRM on a fresh store with a pipeline rule, as ContractBase opens it. */
    private void reopenWith(PipelineRule rule) {
        crm.close();
        delivered.clear();
        crm = fixture().freshStore(Crm.builder()).userDirectory(directory).userCacheTtl(Duration.ZERO).clock(clock)
                .listener(delivered::add).discoverPlugins(false).pipelineRule(rule).build();
        pipelineCampaignAndCustomer();
    }

    @Test
    void convert_refusedBetweenItsSteps_leavesNoCustomerNoContactNoDeal() {
        reopenWith(new PipelineRule() {
            @Override
            public String id() {
                return "no-deals-from-leads";
            }

            @Override
            public Optional<String> check(StageMove move) {
                String source = move.opportunity().source();
                return source != null && source.contains("lead:") ? Optional.of("deals from leads are closed today")
                        : Optional.empty();
            }
        });
        Lead prospect = qualified(inbound(SAM), SAM);
        Lead onAcme = qualified(leads(SAM).open(NewLead.onCustomer(acme.id()).campaign(campaign.id())), SAM);

        assertThatThrownBy(() -> leads(SAM).convert(prospect.id(), deal())).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.rule())
                        .containsExactly("no-deals-from-leads"));
        assertThatThrownBy(() -> leads(SAM).convert(onAcme.id(), deal())).isInstanceOf(ValidationException.class);

        assertThat(customersNamed("Initech")).isEmpty();
        assertThat(as(ADA).opportunities().ofCustomer(acme.id())).isEmpty();
        for (Lead lead : List.of(prospect, onAcme)) {
            Lead read = leads(SAM).get(lead.id());
            assertThat(read.status()).isEqualTo(LeadStatus.QUALIFIED);
            assertThat(read.opportunityId()).isEmpty();
        }
        assertThat(leads(SAM).get(prospect.id()).customerId()).isEmpty();
        crm.deliverEvents();
        assertThat(delivered).extracting(DomainEvent::type).doesNotContain(EventTypes.LEAD_CONVERTED,
                EventTypes.CONTACT_ADDED, EventTypes.OPPORTUNITY_OPENED);
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.CUSTOMER_CREATED)).hasSize(1);
    }

    @Test
    void convert_concurrently_opensExactlyOneDeal() throws Exception {
        Lead onAcme = qualified(leads(SAM).open(NewLead.onCustomer(acme.id()).campaign(campaign.id())), SAM);
        Lead prospect = qualified(inbound(SAM), SAM);

        for (Lead lead : List.of(onAcme, prospect)) {
            List<String> outcomes = inParallel(
                    () -> leads(SAM).convert(lead.id(), deal()),
                    () -> leads(MIA).convert(lead.id(), deal()));
            assertThat(outcomes).as("lead " + lead.id()).containsExactlyInAnyOrder("done", "conflict");
        }

        assertThat(as(ADA).opportunities().ofCustomer(acme.id())).hasSize(1);
        assertThat(customersNamed("Initech")).singleElement().satisfies(c -> assertThat(
                as(ADA).opportunities().ofCustomer(c.id())).hasSize(1));
        assertThat(deliveredOf(EventTypes.LEAD_CONVERTED)).hasSize(2);
    }


}
