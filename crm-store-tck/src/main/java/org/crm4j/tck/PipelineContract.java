package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.Set;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.Pipelines;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StageKind;
import org.crm4j.pipeline.StageRequirement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Pipelines are configured reference data: defined and changed by administrators, cached. */
public abstract class PipelineContract extends ContractBase {

    private Pipelines admin() {
        return as(ADA).pipelines();
    }

    private static NewPipeline newBusiness() {
        return NewPipeline.named("New business", "EUR")
                .stage(Stage.open("qualify", "Qualify", 10))
                .stage(Stage.open("PROPOSAL", "Proposal", 50, StageRequirement.AMOUNT))
                .stage(Stage.open("NEGOTIATION", "Negotiation", 80, StageRequirement.AMOUNT,
                        StageRequirement.DECISION_MAKER))
                .stage(Stage.won("WON", "Won"))
                .stage(Stage.lost("LOST", "Lost"))
                .maxStagesSkipped(1)
                .lostReasons("PRICE", "COMPETITOR", "NO_DECISION");
    }

    @Test
    void define_keepsStagesInOrderWithKindsProbabilitiesRequirementsAndReasons() {
        Pipeline defined = admin().define(newBusiness());

        Pipeline read = as(SAM).pipelines().get(defined.id());
        assertThat(read).isEqualTo(defined);
        assertThat(read.name()).isEqualTo("New business");
        assertThat(read.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(read.stages()).extracting(Stage::code).containsExactly("QUALIFY", "PROPOSAL", "NEGOTIATION", "WON",
                "LOST");
        assertThat(read.stages()).extracting(Stage::kind).containsExactly(StageKind.OPEN, StageKind.OPEN, StageKind.OPEN,
                StageKind.WON, StageKind.LOST);
        assertThat(read.stages()).extracting(Stage::defaultProbability).containsExactly(10, 50, 80, 100, 0);
        assertThat(read.stage("negotiation").orElseThrow().requirements())
                .containsExactlyInAnyOrder(StageRequirement.AMOUNT, StageRequirement.DECISION_MAKER);
        assertThat(read.maxStagesSkipped()).isEqualTo(1);
        assertThat(read.lostReasons()).containsExactlyInAnyOrder("PRICE", "COMPETITOR", "NO_DECISION");
        assertThat(read.wonReasons()).isEqualTo(NewPipeline.DEFAULT_WON_REASONS);
        assertThat(read.firstOpenStage().code()).isEqualTo("QUALIFY");
        assertThat(read.version()).isZero();
        assertThat(read.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void all_listsEveryPipelineByName() {
        admin().define(newBusiness());
        admin().define(NewPipeline.named("Renewals", "USD").stage(Stage.open("TALK", "Talk", 60))
                .stage(Stage.won("RENEWED", "Renewed")).stage(Stage.lost("CHURNED", "Churned")));
        assertThat(as(PIA).pipelines().all()).extracting(Pipeline::name).containsExactly("New business", "Renewals");
        assertThat(as(PIA).pipelines().all().get(1).maxStagesSkipped()).isNull();
    }

    @Test
    void define_isForAdministratorsOnly() {
        assertThatThrownBy(() -> as(CARL).pipelines().define(newBusiness()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(admin().all()).isEmpty();
        PipelineId id = admin().define(newBusiness()).id();
        assertThatThrownBy(() -> as(MIA).pipelines().addStage(id, Stage.open("DEMO", "Demo", 30), 1))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(MIA).pipelines().retireStage(id, "PROPOSAL"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(MIA).pipelines().removeStage(id, "PROPOSAL"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(admin().get(id).stages()).hasSize(5);
    }

    @Test
    void define_refusesBrokenPipelinesListingEveryRule() {
        assertThatThrownBy(() -> admin().define(NewPipeline.named(" ", "EUR").stage(Stage.open("A", "A", 10))
                .stage(Stage.open("a", "Again", 20)).maxStagesSkipped(-1).lostReasons()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .contains("pipeline.name", "pipeline.stages", "pipeline.maxStagesSkipped", "pipeline.lostReasons"));
        assertThatThrownBy(() -> admin().define(NewPipeline.named("X", "EURO"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("currency");
        assertThatThrownBy(() -> admin().define(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Stage.open("bad code!", "", 101)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("stage.code",
                        "stage.name", "stage.defaultProbability"));
        assertThatThrownBy(() -> new Stage("WON", "Won", StageKind.WON, 90, Set.of(), false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("100");
        assertThat(admin().all()).isEmpty();
        crm.deliverEvents();
        assertThat(delivered).isEmpty();
    }

    @Test
    void stages_areAddedRetiredAndRemovedAndEachChangeIsAnEvent() {
        PipelineId id = admin().define(newBusiness()).id();

        Pipeline added = admin().addStage(id, Stage.open("DEMO", "Demo", 30), 1);
        assertThat(added.stages()).extracting(Stage::code).containsExactly("QUALIFY", "DEMO", "PROPOSAL",
                "NEGOTIATION", "WON", "LOST");
        assertThat(added.version()).isEqualTo(1);

        Pipeline retired = admin().retireStage(id, "demo");
        assertThat(retired.stage("DEMO").orElseThrow().retired()).isTrue();
        assertThat(retired.stage("DEMO").orElseThrow().isActive()).isFalse();

        Pipeline removed = admin().removeStage(id, "PROPOSAL");
        assertThat(removed.stages()).extracting(Stage::code).containsExactly("QUALIFY", "DEMO", "NEGOTIATION", "WON",
                "LOST");
        assertThat(as(SAM).pipelines().get(id)).isEqualTo(removed);

        crm.deliverEvents();
        assertThat(delivered).extracting(DomainEvent::type).containsExactly(EventTypes.PIPELINE_DEFINED,
                EventTypes.PIPELINE_CHANGED, EventTypes.PIPELINE_CHANGED, EventTypes.PIPELINE_CHANGED);
        assertThat(delivered.subList(1, delivered.size())).extracting(e -> e.get("change") + ":" + e.get("stage"))
                .containsExactly("added:DEMO", "retired:DEMO", "removed:PROPOSAL");
        assertThat(delivered).extracting(DomainEvent::customerId).containsOnlyNulls();
    }

    @Test
    void stages_changesThatWouldBreakThePipelineAreRefused() {
        PipelineId id = admin().define(newBusiness()).id();
        assertThatThrownBy(() -> admin().retireStage(id, "WON")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("won");
        assertThatThrownBy(() -> admin().removeStage(id, "LOST")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> admin().addStage(id, Stage.open("QUALIFY", "Twin", 10), 0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("QUALIFY");
        assertThatThrownBy(() -> admin().addStage(id, Stage.open("LATE", "Late", 10), 6))
                .isInstanceOf(ValidationException.class).hasMessageContaining("position");
        assertThatThrownBy(() -> admin().retireStage(id, "NOPE")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> admin().retireStage(PipelineId.of(999_999), "WON")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(SAM).pipelines().get(PipelineId.of(999_999))).isInstanceOf(NotFoundException.class);
        Pipeline unchanged = admin().get(id);
        assertThat(unchanged.version()).isZero();
        assertThat(unchanged.stages()).hasSize(5);
    }

    @Test
    void reads_comeFromTheCacheUntilAChange() {
        var counter = fixture().counter();
        Assumptions.assumeTrue(counter != null, "only stores that speak SQL count statements");
        PipelineId id = admin().define(newBusiness()).id();
        as(SAM).pipelines().get(id);
        as(SAM).pipelines().all();
        counter.reset();
        for (int i = 0; i < 10; i++) {
            as(PIA).pipelines().get(id);
            as(MIA).pipelines().all();
        }
        assertThat(counter.statements()).isZero();

        admin().addStage(id, Stage.open("DEMO", "Demo", 30), 1);
        assertThat(as(SAM).pipelines().get(id).stage("DEMO")).isPresent();
        assertThat(as(SAM).pipelines().all()).singleElement().satisfies(p -> assertThat(p.stages()).hasSize(6));
    }
}
