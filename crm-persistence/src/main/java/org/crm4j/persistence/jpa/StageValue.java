package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StageKind;
import org.crm4j.pipeline.StageRequirement;

/**
 * A stage as a row of {@code crm_pipeline_stage}; its position is the list index. The
 * requirements are one column: their names joined by commas, empty for none.
 */
@Embeddable
class StageValue {
    @Column(nullable = false, length = 40)
    String code;

    @Column(name = "stage_name", nullable = false, length = 100)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    StageKind kind;

    @Column(name = "default_probability", nullable = false)
    int defaultProbability;

    @Column(nullable = false, length = 100)
    String requirements;

    @Column(nullable = false)
    boolean retired;

    /** For Hibernate. */
    protected StageValue() {
    }

    static StageValue of(Stage stage) {
        StageValue v = new StageValue();
        v.code = stage.code();
        v.name = stage.name();
        v.kind = stage.kind();
        v.defaultProbability = stage.defaultProbability();
        v.requirements = stage.requirements().isEmpty() ? ""
                : EnumSet.copyOf(stage.requirements()).stream().map(Enum::name).collect(Collectors.joining(","));
        v.retired = stage.retired();
        return v;
    }

    Stage toStage() {
        Set<StageRequirement> required = requirements == null || requirements.isEmpty() ? Set.of()
                : Arrays.stream(requirements.split(",")).map(StageRequirement::valueOf).collect(Collectors.toSet());
        return new Stage(code, name, kind, defaultProbability, required, retired);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StageValue other && Objects.equals(code, other.code) && Objects.equals(name, other.name)
                && kind == other.kind && defaultProbability == other.defaultProbability
                && Objects.equals(requirements, other.requirements) && retired == other.retired;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, kind);
    }
}
