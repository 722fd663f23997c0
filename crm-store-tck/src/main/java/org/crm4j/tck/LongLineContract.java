package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ActorScope;
import org.crm4j.access.Actor;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerCard;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.NewCustomer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineView;
import org.crm4j.pipeline.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Need-to-know (R28) for a director over a line of 40,000 people: every read stays one statement
 * with the owners given as a stored set (no parameter list the drivers would refuse), and gives the
 * same answers as for a small team.
 */
public abstract class LongLineContract extends ContractBase {
    private static final int MANAGERS = 200;
    private static final int REPORTS_EACH = 200;
    private static final Actor BOSS = Actor.of("boss");

    private Pipeline pipeline;

    /** boss, 200 managers under boss, 200 people under each: 40,200 people in boss's line. */
    @BeforeEach
    void fortyThousandPeople() {
        directory.add("boss", null);
        for (int m = 0; m < MANAGERS; m++) {
            String manager = String.format("m%03d", m);
            directory.add(manager, "boss");
            for (int r = 0; r < REPORTS_EACH; r++) {
                directory.add(String.format("u%03d-%03d", m, r), manager);
            }
        }
        crm.userDirectoryChanged();
        pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
    }

    @Test
    void aDirectorOverFortyThousandPeople_seesTheRecordsOfTheirLine_andAPeerOfTheirsDoesNot() {
        ActorScope ada = as(ADA);
        // a customer of someone deep in the line, a customer of someone outside with a deal of the line
        CustomerId deep = ada.customers().create(NewCustomer.company("Deep GmbH").owner("u199-199").tags("key"))
                .id();
        CustomerId outside = ada.customers().create(NewCustomer.company("Outside AG").owner("otto")).id();
        Opportunity onDeep = ada.opportunities().open(NewOpportunity.on(deep, "Deep deal", pipeline.id())
                .owner("u199-199").amount(Money.of("1000.00", "EUR")).expectedClose(java.time.LocalDate.of(2026, 6, 30)));
        Opportunity onOutside = ada.opportunities().open(NewOpportunity.on(outside, "Outside deal", pipeline.id())
                .owner("u000-000").amount(Money.of("500.00", "EUR")).expectedClose(java.time.LocalDate.of(2026, 6, 30)));

        ActorScope boss = as(BOSS);
        CountingDataSource counter = fixture().counter();
        if (counter != null) {
            counter.reset();
        }
        assertThat(boss.customers().get(deep).name()).isEqualTo("Deep GmbH");
        if (counter != null) {
            assertThat(counter.writes()).as("the director's line is stored once, on first use").isPositive();
        }
        CustomerCard card = boss.customers().card(deep);
        assertThat(card.opportunities()).extracting(d -> d.title()).containsExactly("Deep deal");
        assertThat(boss.opportunities().get(onOutside.id()).title()).isEqualTo("Outside deal");
        // the outside customer is read through the line's open deal on it, read-only
        assertThat(boss.customers().get(outside).name()).isEqualTo("Outside AG");
        assertThatThrownBy(() -> boss.customers().addNote(outside, "not ours"))
                .isInstanceOf(AccessDeniedException.class);
        // a search finds the customers of the line's owners (one shared through a deal is opened by id)
        List<String> found = boss.customers().search(CustomerQuery.builder().onlyOpenable().build()).items()
                .stream().map(s -> s.name()).toList();
        assertThat(found).containsExactly("Deep GmbH");
        assertThat(boss.customers().search(CustomerQuery.builder().where(Criteria.tagged("key")).build()).items())
                .extracting(s -> s.name()).containsExactly("Deep GmbH");
        PipelineView view = boss.opportunities().pipelineView(pipeline.id());
        assertThat(view.totalAmount()).isEqualTo(Money.of("1500.00", "EUR"));

        // a later read by the same director asks the stored set again and writes nothing
        if (counter != null) {
            counter.reset();
        }
        assertThat(boss.customers().get(deep).name()).isEqualTo("Deep GmbH");
        if (counter != null) {
            assertThat(counter.writes()).as("the stored line is not written again").isZero();
        }

        ActorScope peer = as(OTTO);
        assertThatThrownBy(() -> peer.opportunities().get(onDeep.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(peer.opportunities().pipelineView(pipeline.id()).totalAmount())
                .isEqualTo(Money.of("500.00", "EUR"));
    }

    @Test
    void twoDirectorsWithLongLines_eachSeeOnlyTheirOwn() {
        // a second long line: 1,100 people under "vice"
        directory.add("vice", null);
        for (int i = 0; i < 1_100; i++) {
            directory.add(String.format("v%04d", i), "vice");
        }
        crm.userDirectoryChanged();
        ActorScope ada = as(ADA);
        CustomerId ofBoss = ada.customers().create(NewCustomer.company("Boss Co").owner("u100-100")).id();
        CustomerId ofVice = ada.customers().create(NewCustomer.company("Vice Co").owner("v1099")).id();

        assertThat(as(BOSS).customers().search(CustomerQuery.builder().onlyOpenable().build()).items())
                .extracting(s -> s.name()).containsExactly("Boss Co");
        assertThat(as(Actor.of("vice")).customers().search(CustomerQuery.builder().onlyOpenable().build()).items())
                .extracting(s -> s.name()).containsExactly("Vice Co");
        assertThatThrownBy(() -> as(Actor.of("vice")).customers().get(ofBoss))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(BOSS).customers().get(ofVice)).isInstanceOf(AccessDeniedException.class);
    }
}
