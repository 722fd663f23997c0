package org.crm4j.persistence.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.crm4j.persistence.jpa.ReasonValue.Outcome;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.Stage;

/**
 * A pipeline row ({@code crm_pipeline}) with its stages, in order, and the reasons its deals may
 * be won or lost for. The stages are an ordered list (an indexed collection, not a bag), so they
 * can be fetched in one query with the reasons.
 */
@Entity(name = "Pipeline")
@Table(name = "crm_pipeline")
class PipelineEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_pipeline_seq")
    @SequenceGenerator(name = "crm_pipeline_seq", sequenceName = "crm_pipeline_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Column(nullable = false, length = 100)
    String name;

    /** The ISO 4217 code. */
    @Column(nullable = false, length = 3)
    String currency;

    @Column(name = "max_stages_skipped")
    Integer maxStagesSkipped;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "crm_pipeline_stage", joinColumns = @JoinColumn(name = "pipeline_id"))
    @OrderColumn(name = "position", nullable = false)
    List<StageValue> stages = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "crm_pipeline_reason", joinColumns = @JoinColumn(name = "pipeline_id"))
    Set<ReasonValue> reasons = new HashSet<>();

    /** For Hibernate. */
    protected PipelineEntity() {
    }

    /**
     * @param pipeline a new pipeline
     * @return an entity to persist
     */
    static PipelineEntity of(Pipeline pipeline) {
        PipelineEntity e = new PipelineEntity();
        e.copyFrom(pipeline);
        return e;
    }

    /**
     * Copies the state of a pipeline, all but its id and version. The reasons are changed in
     * place. The stages are changed in place while their codes keep their positions (a stage
     * renamed or retired); when codes move (a stage added or removed), the list is replaced, so
     * that Hibernate deletes every old row before it inserts the new ones: rewriting rows by
     * position would give a code to one row while another still has it, which the unique rule
     * on (pipeline_id, code) refuses.
     *
     * @param pipeline the new state
     */
    void copyFrom(Pipeline pipeline) {
        name = pipeline.name();
        currency = pipeline.currency().getCurrencyCode();
        maxStagesSkipped = pipeline.maxStagesSkipped();
        createdAt = pipeline.createdAt();
        updatedAt = pipeline.updatedAt();
        List<StageValue> wanted = pipeline.stages().stream().map(StageValue::of).toList();
        if (codes(stages).equals(codes(wanted))) {
            for (int i = 0; i < wanted.size(); i++) {
                if (!stages.get(i).equals(wanted.get(i))) {
                    stages.set(i, wanted.get(i));
                }
            }
        } else {
            stages = new ArrayList<>(wanted);
        }
        CustomerEntity.replace(reasons, Stream.concat(
                pipeline.wonReasons().stream().map(r -> ReasonValue.of(Outcome.WON, r)),
                pipeline.lostReasons().stream().map(r -> ReasonValue.of(Outcome.LOST, r))).collect(Collectors.toSet()));
    }

    private static List<String> codes(List<StageValue> values) {
        return values.stream().map(v -> v.code).toList();
    }

    /** @return the stored state */
    Pipeline toPipeline() {
        List<Stage> list = new ArrayList<>(stages.size());
        for (StageValue stage : stages) {
            list.add(stage.toStage());
        }
        return new Pipeline(PipelineId.of(id), version, name, Currency.getInstance(currency), list, maxStagesSkipped,
                reasons(Outcome.WON), reasons(Outcome.LOST), createdAt, updatedAt);
    }

    private Set<String> reasons(Outcome outcome) {
        return reasons.stream().filter(r -> r.outcome == outcome).map(r -> r.reason).collect(Collectors.toSet());
    }
}
