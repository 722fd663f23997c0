package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.common.Money;
import org.crm4j.common.Page;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerId;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunities;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StallReason;
import org.crm4j.pipeline.StallReport;
import org.crm4j.pipeline.StalledDeal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stalled deals (R25): open deals idle for days or past their expected close, found by one query
 * with need-to-know, and announced once per stall as {@code opportunity.stalled} events.
 */
public abstract class StalledDealsContract extends ContractBase {
    private static final LocalDate JUNE = LocalDate.of(2026, 6, 30);
    private static final Duration DAY = Duration.ofDays(1);
    private static final StallCriteria TWO_WEEKS = StallCriteria.idleFor(14).build();

    private Pipeline pipeline;
    private Customer acme;

    @BeforeEach
    void market() {
        pipeline = newBusiness("New business");
        acme = companyOf(SAM, "ACME");
    }

    private Pipeline newBusiness(String name) {
        return as(ADA).pipelines().define(NewPipeline.named(name, "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.open("DEMO", "Demo", 30))
                .stage(Stage.open("PROPOSAL", "Proposal", 50))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
    }

    private Opportunities deals(Actor actor) {
        return as(actor).opportunities();
    }

    private Opportunity open(String title) {
        return deals(SAM).open(NewOpportunity.on(acme.id(), title, pipeline.id()).expectedClose(JUNE));
    }

    private Opportunity openFor(Actor owner, CustomerId customer, String title) {
        return deals(owner).open(NewOpportunity.on(customer, title, pipeline.id()).expectedClose(JUNE));
    }

    private List<OpportunityId> stalledIds(Actor actor, StallCriteria criteria) {
        return deals(actor).stalled(criteria).items().stream().map(StalledDeal::id).toList();
    }

    private List<DomainEvent> stalledEvents() {
        crm.deliverEvents();
        return delivered.stream().filter(e -> e.type().equals(EventTypes.OPPORTUNITY_STALLED)).toList();
    }

    // ---- the query

    @Test
    void stalled_findsDealsIdleForNDaysAndNotBefore() {
        Instant opened = clock.instant();
        Opportunity deal = open("Idle");

        clock.advance(Duration.ofDays(14).minusSeconds(1));
        assertThat(deals(SAM).stalled(TWO_WEEKS).items()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(deals(SAM).stalled(TWO_WEEKS).items()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(deal.id());
            assertThat(s.reasons()).containsExactly(StallReason.IDLE);
            assertThat(s.idleDays()).isEqualTo(14);
            assertThat(s.lastActivityAt()).isEqualTo(opened);
            assertThat(s.stageCode()).isEqualTo("QUALIFY");
            assertThat(s.ownerId()).isEqualTo("sam");
            assertThat(s.customerId()).isEqualTo(acme.id());
            assertThat(s.pipelineId()).isEqualTo(pipeline.id());
            assertThat(s.title()).isEqualTo("Idle");
            assertThat(s.expectedClose()).isEqualTo(JUNE);
        });
        assertThat(stalledIds(SAM, StallCriteria.idleFor(15).build())).isEmpty();
    }

    @Test
    void stalled_aStageMoveResetsTheIdleClock() {
        Opportunity deal = open("Moving");
        clock.advance(Duration.ofDays(10));
        Instant moved = clock.instant();
        deals(SAM).save(deals(SAM).get(deal.id()).advanceTo("DEMO"));

        clock.advance(Duration.ofDays(10));
        assertThat(stalledIds(SAM, TWO_WEEKS)).isEmpty();

        clock.advance(Duration.ofDays(4));
        assertThat(deals(SAM).stalled(TWO_WEEKS).items()).singleElement().satisfies(s -> {
            assertThat(s.lastActivityAt()).isEqualTo(moved);
            assertThat(s.stageSince()).isEqualTo(moved);
            assertThat(s.stageCode()).isEqualTo("DEMO");
        });
    }

    @Test
    void stalled_anUpdateResetsTheIdleClock() {
        Opportunity deal = open("Edited");
        clock.advance(Duration.ofDays(13));
        Instant edited = clock.instant();
        deals(SAM).save(deals(SAM).get(deal.id()).rename("Edited again").changeAmount(Money.of("500", "EUR")));

        clock.advance(Duration.ofDays(13));
        assertThat(stalledIds(SAM, TWO_WEEKS)).isEmpty();

        clock.advance(DAY);
        assertThat(deals(SAM).stalled(TWO_WEEKS).items()).singleElement().satisfies(s -> {
            assertThat(s.lastActivityAt()).isEqualTo(edited);
            assertThat(s.title()).isEqualTo("Edited again");
            assertThat(s.amount()).isEqualTo(Money.of("500", "EUR"));
        });
    }

    @Test
    void stalled_findsOpenDealsPastTheirExpectedClose() {
        LocalDate soon = LocalDate.of(2026, 3, 5);
        Opportunity late = deals(SAM).open(NewOpportunity.on(acme.id(), "Late", pipeline.id()).expectedClose(soon));
        Opportunity onTime = open("On time");

        clock.advance(Duration.ofDays(3));
        assertThat(stalledIds(SAM, TWO_WEEKS)).as("due today is not overdue yet").isEmpty();

        clock.advance(DAY);
        assertThat(deals(SAM).stalled(TWO_WEEKS).items()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(late.id());
            assertThat(s.reasons()).containsExactly(StallReason.OVERDUE);
            assertThat(s.idleDays()).isEqualTo(4);
        });
        assertThat(stalledIds(SAM, StallCriteria.idleFor(14).pastExpectedClose(false).build())).isEmpty();

        clock.advance(Duration.ofDays(10));
        assertThat(deals(SAM).stalled(TWO_WEEKS).items()).extracting(StalledDeal::id, StalledDeal::reasons)
                .containsExactly(tuple(late.id(), Set.of(StallReason.IDLE, StallReason.OVERDUE)),
                        tuple(onTime.id(), Set.of(StallReason.IDLE)));
    }

    @Test
    void stalled_neverFindsClosedDeals() {
        LocalDate soon = LocalDate.of(2026, 3, 5);
        Opportunity won = deals(SAM).open(NewOpportunity.on(acme.id(), "Won", pipeline.id()).expectedClose(soon));
        Opportunity lost = deals(SAM).open(NewOpportunity.on(acme.id(), "Lost", pipeline.id()).expectedClose(soon));
        deals(SAM).save(deals(SAM).get(won.id()).win("PRICE", null));
        deals(SAM).save(deals(SAM).get(lost.id()).lose("PRICE", null, null, null));

        clock.advance(Duration.ofDays(60));

        assertThat(stalledIds(SAM, TWO_WEEKS)).isEmpty();
        assertThat(stalledIds(ADA, TWO_WEEKS)).isEmpty();
        assertThat(crm.detectStalledDeals(TWO_WEEKS)).isEqualTo(new StallReport(0, false));
    }

    @Test
    void stalled_showsEachActorOnlyTheDealsTheyMaySee() {
        Opportunity sams = open("Sam's");
        Opportunity pias = openFor(PIA, companyOf(PIA, "Pia's customer").id(), "Pia's");
        Opportunity mias = openFor(MIA, companyOf(MIA, "Mia's customer").id(), "Mia's");
        Opportunity ottos = openFor(OTTO, companyOf(OTTO, "Otto's customer").id(), "Otto's");
        clock.advance(Duration.ofDays(20));

        assertThat(stalledIds(SAM, TWO_WEEKS)).containsExactly(sams.id());
        assertThat(stalledIds(PIA, TWO_WEEKS)).containsExactly(pias.id());
        assertThat(stalledIds(MIA, TWO_WEEKS)).containsExactlyInAnyOrder(sams.id(), pias.id(), mias.id());
        assertThat(stalledIds(CARL, TWO_WEEKS)).containsExactlyInAnyOrder(sams.id(), pias.id(), mias.id());
        assertThat(stalledIds(OTTO, TWO_WEEKS)).containsExactly(ottos.id());
        assertThat(stalledIds(ADA, TWO_WEEKS)).containsExactlyInAnyOrder(sams.id(), pias.id(), mias.id(), ottos.id());
        assertThat(stalledIds(Actor.of("nobody"), TWO_WEEKS)).isEmpty();
    }

    @Test
    void stalled_pagesByKeysetLongestIdleFirst() {
        List<OpportunityId> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(open("Deal " + i).id());
            clock.advance(Duration.ofHours(1));
        }
        clock.advance(Duration.ofDays(30));
        StallCriteria twoAPage = StallCriteria.idleFor(14).limit(2).build();

        Page<StalledDeal> first = deals(SAM).stalled(twoAPage);
        Page<StalledDeal> second = deals(SAM).stalled(twoAPage.page(first.nextPageToken()));
        Page<StalledDeal> third = deals(SAM).stalled(twoAPage.page(second.nextPageToken()));

        assertThat(first.items()).extracting(StalledDeal::id).containsExactly(opened.get(0), opened.get(1));
        assertThat(second.items()).extracting(StalledDeal::id).containsExactly(opened.get(2), opened.get(3));
        assertThat(third.items()).extracting(StalledDeal::id).containsExactly(opened.get(4));
        assertThat(third.hasNext()).isFalse();
        assertThatThrownBy(() -> deals(SAM).stalled(twoAPage.page("not-a-token")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("pageToken")).isTrue());
    }

    @Test
    void stalled_inOnePipelineOnly() {
        Pipeline renewals = newBusiness("Renewals");
        Opportunity inNew = open("New");
        Opportunity inRenewals = deals(SAM).open(NewOpportunity.on(acme.id(), "Renewal", renewals.id())
                .expectedClose(JUNE));
        clock.advance(Duration.ofDays(20));

        assertThat(stalledIds(SAM, StallCriteria.idleFor(14).pipeline(renewals.id()).build()))
                .containsExactly(inRenewals.id());
        assertThat(stalledIds(SAM, StallCriteria.idleFor(14).pipeline(pipeline.id()).build()))
                .containsExactly(inNew.id());
    }

    @Test
    void criteria_rejectBadInputNamingEveryField() {
        assertThatThrownBy(() -> StallCriteria.idleFor(0).limit(0).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(ValidationException.Violation::field).containsExactly("idleDays", "limit"));
        assertThatThrownBy(() -> StallCriteria.idleFor(-3).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("idleDays")).isTrue());
        assertThatThrownBy(() -> StallCriteria.idleFor(14).limit(501).build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("limit")).isTrue());
        assertThatThrownBy(() -> deals(SAM).stalled(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("criteria")).isTrue());
        assertThatThrownBy(() -> crm.detectStalledDeals(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("criteria")).isTrue());
        assertThatThrownBy(() -> crm.detectStalledDeals(TWO_WEEKS.page("token")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("pageToken")).isTrue());
    }

    @Test
    void stalled_isOneStatementWhateverTheNumberOfDeals() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        open("First");
        clock.advance(Duration.ofDays(20));
        counter.reset();
        assertThat(deals(MIA).stalled(TWO_WEEKS).items()).hasSize(1);
        assertThat(counter.statements()).isEqualTo(1);

        for (int i = 0; i < 30; i++) {
            open("Deal " + i);
        }
        clock.advance(Duration.ofDays(20));
        counter.reset();
        assertThat(deals(MIA).stalled(TWO_WEEKS).items()).hasSize(31);
        assertThat(counter.statements()).isEqualTo(1);
    }

    // ---- the event

    @Test
    void detect_raisesTheEventOncePerStall() {
        Opportunity deal = open("Idle");
        clock.advance(Duration.ofDays(13));
        assertThat(crm.detectStalledDeals(TWO_WEEKS)).isEqualTo(new StallReport(0, false));

        clock.advance(DAY);
        assertThat(crm.detectStalledDeals(TWO_WEEKS)).isEqualTo(new StallReport(1, false));
        clock.advance(DAY);
        assertThat(crm.detectStalledDeals(TWO_WEEKS)).isEqualTo(new StallReport(0, false));

        assertThat(stalledEvents()).singleElement().satisfies(e -> {
            assertThat(e.aggregateType()).isEqualTo("opportunity");
            assertThat(e.aggregateId()).isEqualTo(deal.id().value());
            assertThat(e.customerId()).isEqualTo(acme.id().value());
            assertThat(e.actorId()).isEqualTo("crm4j");
            assertThat(e.occurredAt()).isEqualTo(clock.instant().minus(DAY));
            assertThat(e.get("reasons")).isEqualTo("IDLE");
            assertThat(e.get("idleDays")).isEqualTo("14");
            assertThat(e.get("stage")).isEqualTo("QUALIFY");
            assertThat(e.get("owner")).isEqualTo("sam");
            assertThat(e.get("title")).isEqualTo("Idle");
            assertThat(e.get("expectedClose")).isEqualTo("2026-06-30");
            assertThat(Instant.parse(e.get("lastActivityAt"))).isEqualTo(deal.updatedAt());
        });
    }

    @Test
    void detect_raisesAgainWhenTheDealMovedAndStalledAgain() {
        Opportunity deal = open("Idle");
        clock.advance(Duration.ofDays(20));
        crm.detectStalledDeals(TWO_WEEKS);
        deals(SAM).save(deals(SAM).get(deal.id()).advanceTo("DEMO"));
        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).isZero();

        clock.advance(Duration.ofDays(14));
        assertThat(crm.detectStalledDeals(TWO_WEEKS)).isEqualTo(new StallReport(1, false));
        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).isZero();

        assertThat(stalledEvents()).extracting(e -> e.get("stage"), e -> e.get("idleDays"))
                .containsExactly(tuple("QUALIFY", "20"),
                        tuple("DEMO", "14"));
    }

    @Test
    void detect_announcesAnOverdueDealOnceThenAgainWhenItAlsoGoesIdle() {
        Opportunity late = deals(SAM).open(NewOpportunity.on(acme.id(), "Late", pipeline.id())
                .expectedClose(LocalDate.of(2026, 3, 5)));
        clock.advance(Duration.ofDays(4));
        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).isEqualTo(1);
        clock.advance(DAY);
        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).isZero();
        assertThat(crm.detectStalledDeals(StallCriteria.idleFor(14).pastExpectedClose(false).build()).flagged())
                .isZero();

        clock.advance(Duration.ofDays(10));
        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).isEqualTo(1);
        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).isZero();

        clock.advance(DAY);
        deals(SAM).save(deals(SAM).get(late.id()).expectCloseOn(LocalDate.of(2026, 3, 10)));
        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).as("a new expected close date, still past").isEqualTo(1);

        assertThat(stalledEvents()).extracting(e -> e.get("reasons"))
                .containsExactly("OVERDUE", "IDLE,OVERDUE", "OVERDUE");
    }

    @Test
    void detect_flagsAtMostTheLimitPerRunAndSaysWhenMoreRemain() {
        for (int i = 0; i < 4; i++) {
            open("Sam's " + i);
        }
        openFor(OTTO, companyOf(OTTO, "Otto's customer").id(), "Otto's");
        clock.advance(Duration.ofDays(20));
        StallCriteria twoARun = StallCriteria.idleFor(14).limit(2).build();

        assertThat(crm.detectStalledDeals(twoARun)).isEqualTo(new StallReport(2, true));
        assertThat(crm.detectStalledDeals(twoARun)).isEqualTo(new StallReport(2, true));
        assertThat(crm.detectStalledDeals(twoARun)).isEqualTo(new StallReport(1, false));
        assertThat(crm.detectStalledDeals(twoARun)).isEqualTo(new StallReport(0, false));

        List<DomainEvent> events = stalledEvents();
        assertThat(events).hasSize(5);
        assertThat(events).extracting(DomainEvent::aggregateId).doesNotHaveDuplicates();
        assertThat(events).extracting(e -> e.get("owner")).containsOnly("sam", "otto").contains("otto");
    }

    @Test
    void detect_leavesTheDealsVersionSoAnEarlierReadSavesWithoutConflict() {
        Opportunity deal = open("Read before");
        clock.advance(Duration.ofDays(20));
        Opportunity read = deals(SAM).get(deal.id());

        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).isEqualTo(1);

        assertThat(deals(SAM).get(deal.id()).version()).isEqualTo(read.version());
        Opportunity saved = deals(SAM).save(read.rename("Still alive"));
        assertThat(saved.version()).isEqualTo(read.version() + 1);
        assertThat(stalledIds(SAM, TWO_WEEKS)).isEmpty();
    }

    @Test
    void detect_runningWhileUsersSaveDealsCausesNoConflict() throws Exception {
        List<Opportunity> read = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            open("Deal " + i);
        }
        clock.advance(Duration.ofDays(20));
        deals(SAM).ofCustomer(acme.id()).forEach(read::add);

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> detection = pool.submit(() -> {
                int flagged = 0;
                for (int run = 0; run < 6; run++) {
                    flagged += crm.detectStalledDeals(StallCriteria.idleFor(14).limit(2).build()).flagged();
                }
                return flagged;
            });
            for (Opportunity o : read) {
                deals(SAM).save(o.advanceTo("DEMO"));
            }
            int flagged = detection.get(60, TimeUnit.SECONDS);
            assertThat(stalledEvents()).hasSize(flagged);
        } finally {
            pool.shutdown();
        }
        assertThat(deals(SAM).ofCustomer(acme.id())).allSatisfy(o -> assertThat(o.stageCode()).isEqualTo("DEMO"));
        assertThat(crm.detectStalledDeals(TWO_WEEKS).flagged()).isZero();
    }
}
