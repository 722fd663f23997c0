package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.Crm;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCustomer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The caches of reference data follow a change made on another node within
 * {@code Crm.Builder.cacheSync}, even with long times to live; an unknown user is never cached.
 */
public abstract class CachesAcrossNodesContract extends ContractBase {
    private static final Duration SYNC = Duration.ofMillis(200);
    private final List<Crm> nodes = new ArrayList<>();

    @AfterEach
    void closeNodes() {
        nodes.forEach(Crm::close);
    }

    @Override
    protected Crm.Builder configure(Crm.Builder builder) {
        return builder.cacheSync(SYNC).referenceDataTtl(Duration.ofHours(1));
    }

    /** Another node on the CRM's database, caching for an hour but syncing as the first does. */
    private Crm otherNode() {
        Crm.Builder builder = fixture().sameStore(Crm.builder());
        assumeThat(builder).as("another node shares the database").isNotNull();
        Crm node = builder.userDirectory(directory).clock(clock).discoverPlugins(false).cacheSync(SYNC)
                .referenceDataTtl(Duration.ofHours(1)).userCacheTtl(Duration.ofHours(1)).build();
        nodes.add(node);
        return node;
    }

    private static void waitForTheSync() throws InterruptedException {
        Thread.sleep(SYNC.toMillis() + 100);
    }

    @Test
    void aStageRetiredOnOneNode_isRefusedOnAnotherWithinTheSyncInterval() throws Exception {
        Crm other = otherNode();
        Pipeline pipeline = as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.open("DEMO", "Demo", 30))
                .stage(Stage.open("PROPOSAL", "Proposal", 50)).stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost")));
        Customer acme = companyOf(SAM, "ACME");
        Opportunity deal = other.as(SAM).opportunities().open(NewOpportunity.on(acme.id(), "CNC units", pipeline.id())
                .expectedClose(LocalDate.of(2026, 6, 30)).amount(Money.of("1000", "EUR")));
        assertThat(other.as(SAM).pipelines().get(pipeline.id()).stage("DEMO").orElseThrow().isActive()).isTrue();

        as(ADA).pipelines().retireStage(pipeline.id(), "DEMO");
        waitForTheSync();

        Opportunity current = other.as(SAM).opportunities().get(deal.id());
        assertThatThrownBy(() -> other.as(SAM).opportunities().save(current.advanceTo("DEMO")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("DEMO");
        assertThat(other.as(SAM).pipelines().get(pipeline.id()).stage("DEMO").orElseThrow().isActive()).isFalse();
    }

    @Test
    void anEmployeeMovedOnOneNode_losesTheOldTeamsCustomersOnAnotherWithinTheSyncInterval() throws Exception {
        Crm other = otherNode();
        Customer pias = companyOf(PIA, "Pia's customer");
        assertThat(other.as(MIA).customers().get(pias.id()).name()).isEqualTo("Pia's customer");

        directory.add("pia", "otto");   // pia moves from mia's team to otto's
        crm.userDirectoryChanged();
        waitForTheSync();

        assertThatThrownBy(() -> other.as(MIA).customers().get(pias.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(other.as(OTTO).customers().get(pias.id()).name()).isEqualTo("Pia's customer");
    }

    @Test
    void anUnknownUserIsNeverCached_aNewEmployeeIsKnownAtOnce() {
        crm.close();
        crm = fixture().freshStore(Crm.builder()).userDirectory(directory).clock(clock).discoverPlugins(false)
                .userCacheTtl(Duration.ofHours(1)).build();
        assertThatThrownBy(() -> crm.as("newbie")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> crm.as(ADA).customers().create(NewCustomer.company("Probe").owner("newbie")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("newbie");

        directory.add("newbie", "mia");

        assertThat(crm.as("newbie").actor().id()).isEqualTo("newbie");
        assertThat(crm.as(ADA).customers().create(NewCustomer.company("For the newbie").owner("newbie")).ownerId())
                .isEqualTo("newbie");
    }
}
