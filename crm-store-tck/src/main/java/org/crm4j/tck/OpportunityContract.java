package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.Crm;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.DecisionRole;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunities;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineView;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StageChange;
import org.crm4j.pipeline.StageRequirement;
import org.crm4j.pipeline.StageTotal;
import org.crm4j.plugin.PipelineRule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deals moving through a pipeline with rules, decisions recorded, and the pipeline view. */
public abstract class OpportunityContract extends ContractBase {
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 30);

    private Pipeline pipeline;
    private Customer acme;
    private ContactId eva;
    private ContactId tom;

    @BeforeEach
    void market() {
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.open("DEMO", "Demo", 30))
                .stage(Stage.open("PROPOSAL", "Proposal", 50, StageRequirement.AMOUNT))
                .stage(Stage.open("NEGOTIATION", "Negotiation", 80, StageRequirement.AMOUNT,
                        StageRequirement.DECISION_MAKER))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost"))
                .maxStagesSkipped(1)
                .lostReasons("PRICE", "COMPETITOR", "NO_DECISION"));
        acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        eva = customersOf(SAM).addContact(acme.id(), NewContact.named("Eva Novak").roles("CFO")).id();
        tom = customersOf(SAM).addContact(acme.id(), NewContact.named("Tom Ito")).id();
    }

    private Opportunities deals(org.crm4j.access.Actor actor) {
        return as(actor).opportunities();
    }

    private NewOpportunity deal(String title) {
        return NewOpportunity.on(acme.id(), title, pipeline.id()).expectedClose(JUNE);
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    @Test
    void open_startsInTheFirstOpenStageWithItsProbabilityAndIsRecorded() {
        Opportunity opened = deals(SAM).open(deal("40 units").amount(eur("120000.00")).competitor("Globex")
                .participant(eva, DecisionRole.DECISION_MAKER).source("campaign:7"));

        Opportunity read = deals(SAM).get(opened.id());
        assertThat(read.stageCode()).isEqualTo("QUALIFY");
        assertThat(read.probability()).isEqualTo(10);
        assertThat(read.probabilityReason()).isEmpty();
        assertThat(read.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(read.amount()).contains(eur("120000.00"));
        assertThat(read.ownerId()).isEqualTo("sam");
        assertThat(read.competitors()).containsExactly("Globex");
        assertThat(read.participants()).extracting(p -> p.contactId()).containsExactly(eva);
        assertThat(read.source()).contains("campaign:7");
        assertThat(read.expectedClose()).isEqualTo(JUNE);
        assertThat(read.stageSince()).isEqualTo(clock.instant());
        assertThat(deals(SAM).stageHistory(opened.id())).singleElement().satisfies(c -> {
            assertThat(c.fromStage()).isNull();
            assertThat(c.toStage()).isEqualTo("QUALIFY");
            assertThat(c.changedBy()).isEqualTo("sam");
        });
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.OPPORTUNITY_OPENED)).singleElement()
                .satisfies(e -> assertThat(e.customerId()).isEqualTo(acme.id().value()));
    }

    @Test
    void open_withAnExplicitStageAndAnOverriddenProbabilityKeepsTheReason() {
        Opportunity opened = deals(SAM).open(deal("Pilot").stage("demo").probability(45, "CFO asked for it")
                .amount(eur("5000")));
        assertThat(opened.stageCode()).isEqualTo("DEMO");
        assertThat(opened.probability()).isEqualTo(45);
        assertThat(opened.probabilityReason()).contains("CFO asked for it");
    }

    @Test
    void open_refusesEveryBadValueAtOnceAndWritesNothing() {
        clock.advance(Duration.ofDays(200));
        assertThatThrownBy(() -> deals(SAM).open(NewOpportunity.on(acme.id(), " ", pipeline.id()).stage("NOPE")
                .amount(Money.of("-5.00", "USD")).probability(150, "sure").expectedClose(JUNE)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("title", "stage", "amount", "probability", "expectedClose"));
        assertThatThrownBy(() -> deals(SAM).open(deal("Won already").stage("WON")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("open stage");
        assertThatThrownBy(() -> deals(SAM).open(NewOpportunity.on(acme.id(), "No date", pipeline.id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("expectedClose");
        assertThatThrownBy(() -> deals(SAM).open(null)).isInstanceOf(ValidationException.class);
        assertThat(deals(SAM).ofCustomer(acme.id())).isEmpty();
    }

    @Test
    void open_needsAContactOfThatCustomerAndACustomerTheActorMayOpen() {
        Customer other = customersOf(SAM).create(NewCustomer.company("Other"));
        ContactId stranger = customersOf(SAM).addContact(other.id(), NewContact.named("Stranger")).id();
        assertThatThrownBy(() -> deals(SAM).open(deal("X").participant(stranger, DecisionRole.USER)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("participants");
        assertThatThrownBy(() -> deals(PIA).open(deal("Poaching"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deals(PIA).open(deal("For Sam").owner("sam"))).isInstanceOf(AccessDeniedException.class);
        assertThat(deals(SAM).ofCustomer(acme.id())).isEmpty();
    }

    @Test
    void advance_checksEveryRuleAndListsEachFailure() {
        Opportunity deal = deals(SAM).open(deal("Deal"));
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(deal.id()).advanceTo("NEGOTIATION")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule)
                        .containsExactlyInAnyOrder("amount-required", "decision-maker-required", "max-stages-skipped"));
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(deal.id()).advanceTo("CLOSING")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("CLOSING");
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(deal.id()).advanceTo("WON")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("win or lose");

        Opportunity read = deals(SAM).get(deal.id());
        assertThat(read.stageCode()).isEqualTo("QUALIFY");
        assertThat(read.version()).isZero();
        assertThat(deals(SAM).stageHistory(deal.id())).hasSize(1);
    }

    @Test
    void advance_movesTakesTheStageProbabilityAndRecordsTheHistory() {
        Opportunity deal = deals(SAM).open(deal("Deal").amount(eur("1000")));
        clock.advance(Duration.ofDays(3));
        Opportunity demo = deals(SAM).save(deals(SAM).get(deal.id()).advanceTo("DEMO"));
        assertThat(demo.probability()).isEqualTo(30);
        assertThat(demo.stageSince()).isEqualTo(clock.instant());
        assertThat(demo.age(clock.instant())).isEqualTo(Duration.ofDays(3));

        clock.advance(Duration.ofDays(2));
        Opportunity proposal = deals(SAM).save(deals(SAM).get(deal.id()).advanceTo("PROPOSAL")
                .overrideProbability(65, "verbal yes"));
        assertThat(proposal.probability()).isEqualTo(65);
        assertThat(proposal.probabilityReason()).contains("verbal yes");
        assertThat(proposal.timeInStage(clock.instant().plus(Duration.ofHours(5)))).isEqualTo(Duration.ofHours(5));

        Opportunity negotiation = deals(SAM).save(deals(SAM).get(deal.id()).involve(eva, DecisionRole.DECISION_MAKER)
                .advanceTo("NEGOTIATION"));
        assertThat(negotiation.probability()).isEqualTo(80);
        assertThat(negotiation.probabilityReason()).isEmpty();

        assertThat(deals(SAM).stageHistory(deal.id())).extracting(StageChange::toStage)
                .containsExactly("QUALIFY", "DEMO", "PROPOSAL", "NEGOTIATION");
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.OPPORTUNITY_STAGE_CHANGED))
                .extracting(e -> e.get("from") + ">" + e.get("to"))
                .containsExactly("QUALIFY>DEMO", "DEMO>PROPOSAL", "PROPOSAL>NEGOTIATION");
    }

    @Test
    void winLoseAndReopen_recordTheDecision() {
        Opportunity won = deals(SAM).open(deal("Won deal").amount(eur("500")));
        Opportunity saved = deals(SAM).save(deals(SAM).get(won.id()).win("PRICE", "best offer"));
        assertThat(saved.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(saved.stageCode()).isEqualTo("WON");
        assertThat(saved.probability()).isEqualTo(100);
        assertThat(saved.closeReason()).contains("PRICE");
        assertThat(saved.closeNote()).contains("best offer");

        Opportunity lost = deals(SAM).open(deal("Lost deal").amount(eur("900")));
        Opportunity gone = deals(SAM).save(deals(SAM).get(lost.id()).lose("COMPETITOR", "they were faster", "Globex",
                eur("120.00")));
        assertThat(gone.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(gone.probability()).isZero();
        assertThat(gone.lostTo()).contains("Globex");
        assertThat(gone.priceGap()).contains(eur("120.00"));

        assertThatThrownBy(() -> deals(SAM).get(gone.id()).advanceTo("DEMO")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(gone.id()).rename("Edited after the fact")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reopen");

        Opportunity reopened = deals(SAM).save(deals(SAM).get(gone.id()).reopen("PROPOSAL", "Globex could not deliver"));
        assertThat(reopened.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(reopened.probability()).isEqualTo(50);
        assertThat(reopened.lostTo()).isEmpty();
        assertThat(deals(SAM).stageHistory(gone.id())).extracting(StageChange::toStage)
                .containsExactly("QUALIFY", "LOST", "PROPOSAL");
        crm.deliverEvents();
        assertThat(delivered).extracting(DomainEvent::type).contains(EventTypes.OPPORTUNITY_WON,
                EventTypes.OPPORTUNITY_LOST, EventTypes.OPPORTUNITY_REOPENED);
        assertThat(delivered).filteredOn(e -> e.type().equals(EventTypes.OPPORTUNITY_REOPENED)).singleElement()
                .satisfies(e -> assertThat(e.get("why")).isEqualTo("Globex could not deliver"));
    }

    @Test
    void closing_needsAReasonFromThePipelinesList() {
        Opportunity deal = deals(SAM).open(deal("Deal"));
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(deal.id()).win(null, "why not")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("closeReason");
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(deal.id()).lose("BAD_LUCK", null, null, null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("BAD_LUCK");
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(deal.id()).lose("PRICE", null, "X", Money.of("1", "USD"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priceGap");
        assertThat(deals(SAM).get(deal.id()).status()).isEqualTo(OpportunityStatus.OPEN);
    }

    @Test
    void concurrentStageMoves_oneWinsTheOtherIsAConflict() throws Exception {
        Opportunity deal = deals(SAM).open(deal("Deal").amount(eur("10")));
        Opportunity first = deals(SAM).get(deal.id());
        Opportunity second = deals(MIA).get(deal.id());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<String>> moves = List.of(
                () -> attempt(() -> deals(SAM).save(first.advanceTo("DEMO"))),
                () -> attempt(() -> deals(MIA).save(second.advanceTo("PROPOSAL"))));
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(moves)) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("conflict");
        assertThat(deals(SAM).stageHistory(deal.id())).hasSize(2);
        assertThat(deals(SAM).get(deal.id()).version()).isEqualTo(1);
    }

    private static String attempt(Runnable r) {
        try {
            r.run();
            return "moved";
        } catch (ConflictException e) {
            return "conflict";
        }
    }

    @Test
    void needToKnow_onEveryReadPathIncludingThePipelineView() {
        Customer pias = customersOf(PIA).create(NewCustomer.company("Pia's"));
        Opportunity samsDeal = deals(SAM).open(deal("Sam's deal").amount(eur("1000")));
        deals(PIA).open(NewOpportunity.on(pias.id(), "Pia's deal", pipeline.id()).expectedClose(JUNE)
                .amount(eur("3000")));

        assertThatThrownBy(() -> deals(PIA).get(samsDeal.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deals(PIA).stageHistory(samsDeal.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deals(PIA).ofCustomer(acme.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deals(PIA).save(deals(SAM).get(samsDeal.id()).rename("Mine now")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(deals(MIA).get(samsDeal.id()).title()).isEqualTo("Sam's deal");
        assertThat(deals(CARL).ofCustomer(acme.id())).hasSize(1);
        assertThatThrownBy(() -> deals(SAM).get(org.crm4j.pipeline.OpportunityId.of(999_999)))
                .isInstanceOf(NotFoundException.class);

        assertThat(total(deals(SAM).pipelineView(pipeline.id()))).isEqualTo(eur("1000.00"));
        assertThat(total(deals(PIA).pipelineView(pipeline.id()))).isEqualTo(eur("3000.00"));
        assertThat(total(deals(MIA).pipelineView(pipeline.id()))).isEqualTo(eur("4000.00"));
        assertThat(total(deals(ADA).pipelineView(pipeline.id()))).isEqualTo(eur("4000.00"));
        assertThat(total(deals(OTTO).pipelineView(pipeline.id()))).isEqualTo(eur("0.00"));
    }

    @Test
    void needToKnow_theCustomersOwnerSeesAndMovesAColleaguesDealOnHisCustomer_aPeerMayNot() {
        Opportunity miasDeal = deals(MIA).open(deal("Mia's deal").amount(eur("2000")));

        // sam owns acme: mia's deal on it is his to see on every read path, and to move
        assertThat(deals(SAM).get(miasDeal.id()).ownerId()).isEqualTo("mia");
        assertThat(deals(SAM).ofCustomer(acme.id())).extracting(Opportunity::id).containsExactly(miasDeal.id());
        assertThat(total(deals(SAM).pipelineView(pipeline.id()))).isEqualTo(eur("2000.00"));
        Opportunity moved = deals(SAM).save(deals(SAM).get(miasDeal.id()).advanceTo("DEMO"));
        assertThat(moved.stageCode()).isEqualTo("DEMO");
        assertThat(moved.ownerId()).as("moving it does not take it over").isEqualTo("mia");
        assertThat(deals(SAM).stageHistory(miasDeal.id())).last().satisfies(change -> {
            assertThat(change.toStage()).isEqualTo("DEMO");
            assertThat(change.changedBy()).isEqualTo("sam");
        });

        // pia, his peer, neither sees it nor moves it
        assertThatThrownBy(() -> deals(PIA).get(miasDeal.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deals(PIA).stageHistory(miasDeal.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> deals(PIA).save(deals(MIA).get(miasDeal.id()).advanceTo("PROPOSAL")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(total(deals(PIA).pipelineView(pipeline.id()))).isEqualTo(eur("0.00"));
        assertThat(deals(ADA).get(miasDeal.id())).satisfies(d -> {
            assertThat(d.stageCode()).isEqualTo("DEMO");
            assertThat(d.version()).isEqualTo(moved.version());
        });
    }

    private static Money total(PipelineView view) {
        return view.totalAmount();
    }

    @Test
    void pipelineView_sumsAmountsAndWeightedAmountsPerOpenStage() {
        deals(SAM).open(deal("A").amount(eur("1000.00")));
        deals(SAM).open(deal("B").amount(eur("333.33")));
        deals(SAM).open(deal("C"));
        deals(SAM).open(deal("D").stage("DEMO").amount(eur("200.00")).probability(35, "warm"));
        Opportunity won = deals(SAM).open(deal("E").amount(eur("999.00")));
        deals(SAM).save(deals(SAM).get(won.id()).win("PRICE", null));

        PipelineView view = deals(MIA).pipelineView(pipeline.id());
        assertThat(view.stages()).extracting(t -> t.stage().code()).containsExactly("QUALIFY", "DEMO", "PROPOSAL",
                "NEGOTIATION");
        StageTotal qualify = view.stages().get(0);
        assertThat(qualify.count()).isEqualTo(3);
        assertThat(qualify.amount()).isEqualTo(eur("1333.33"));
        // (1000.00 + 333.33) x 10% = 133.333 -> 133.33
        assertThat(qualify.weighted()).isEqualTo(eur("133.33"));
        StageTotal demo = view.stages().get(1);
        assertThat(demo.count()).isEqualTo(1);
        assertThat(demo.weighted()).isEqualTo(eur("70.00"));
        assertThat(view.stages().get(2).count()).isZero();
        assertThat(view.totalAmount()).isEqualTo(eur("1533.33"));
        assertThat(view.totalWeighted()).isEqualTo(eur("203.33"));
    }

    @Test
    void pipelineView_isOneStatementWhateverTheNumberOfDeals() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        for (int i = 0; i < 30; i++) {
            deals(SAM).open(deal("Deal " + i).amount(eur("10")));
        }
        deals(MIA).pipelineView(pipeline.id());
        counter.reset();
        PipelineView view = deals(MIA).pipelineView(pipeline.id());
        assertThat(view.stages().get(0).count()).isEqualTo(30);
        assertThat(counter.statements()).isEqualTo(1);
    }

    @Test
    void stages_inUseAreRetiredNotRemoved() {
        Opportunity deal = deals(SAM).open(deal("Deal").stage("DEMO"));
        assertThatThrownBy(() -> as(ADA).pipelines().removeStage(pipeline.id(), "DEMO"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("retire");
        as(ADA).pipelines().retireStage(pipeline.id(), "DEMO");
        assertThat(deals(SAM).get(deal.id()).stageCode()).isEqualTo("DEMO");
        assertThatThrownBy(() -> deals(SAM).open(deal("New").stage("DEMO"))).isInstanceOf(ValidationException.class);
        assertThat(as(ADA).pipelines().removeStage(pipeline.id(), "NEGOTIATION").stage("NEGOTIATION")).isEmpty();
    }

    @Test
    void customRules_registeredOnTheBuilderAreCheckedWithTheBuiltInOnes() {
        crm.close();
        PipelineRule bigDealsNeedMia = new PipelineRule() {
            @Override
            public String id() {
                return "big-deals-need-a-manager";
            }

            @Override
            public Optional<String> check(org.crm4j.plugin.StageMove move) {
                var amount = move.opportunity().amount();
                boolean big = amount != null && amount.amount().compareTo(new java.math.BigDecimal("50000")) > 0;
                return big && !move.actorId().equals("mia") ? Optional.of("only mia moves deals over 50,000")
                        : Optional.empty();
            }
        };
        crm = fixture().freshStore(Crm.builder()).userDirectory(directory).clock(clock).discoverPlugins(false)
                .pipelineRule(bigDealsNeedMia).build();
        market();
        assertThatThrownBy(() -> deals(SAM).open(deal("Big").amount(eur("60000"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("big-deals-need-a-manager"));
        Opportunity big = deals(MIA).open(deal("Big").amount(eur("60000")).owner("sam"));
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(big.id()).advanceTo("DEMO")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("only mia");
        assertThat(deals(MIA).save(deals(MIA).get(big.id()).advanceTo("DEMO")).stageCode()).isEqualTo("DEMO");
    }

    @Test
    void aRuleThatThrows_isOneRefusalInPlainWords_neverTheRulesOwnText() {
        crm.close();
        PipelineRule broken = new PipelineRule() {
            @Override
            public String id() {
                return "erp-credit-check";
            }

            @Override
            public Optional<String> check(org.crm4j.plugin.StageMove move) {
                throw new IllegalStateException("ERP at 10.0.0.7 said: customer 4711 owes 12,000");
            }
        };
        crm = fixture().freshStore(Crm.builder()).userDirectory(directory).clock(clock).discoverPlugins(false)
                .pipelineRule(broken).build();
        market();

        assertThatThrownBy(() -> deals(SAM).open(deal("Any")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.rule()).isEqualTo("erp-credit-check");
                            assertThat(v.message()).contains("could not be checked").doesNotContain("10.0.0.7")
                                    .doesNotContain("4711").doesNotContain("IllegalStateException");
                        }));
    }

    @Test
    void anExpectedCloseNoStoreKeeps_isRefusedOnOpenAndOnSave() {
        market();
        assertThatThrownBy(() -> deals(SAM).open(NewOpportunity.on(acme.id(), "Far", pipeline.id())
                .expectedClose(LocalDate.MAX))).isInstanceOf(ValidationException.class);
        Opportunity deal = deals(SAM).open(deal("Near"));
        assertThatThrownBy(() -> deals(SAM).save(deals(SAM).get(deal.id()).expectCloseOn(LocalDate.MIN)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).contains("Range"));
    }
}
