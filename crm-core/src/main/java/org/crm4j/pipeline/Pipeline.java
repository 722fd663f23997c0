package org.crm4j.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;

/**
 * A sales pipeline, configured by the host (e.g. new business, renewals): an ordered list of
 * stages, the currency its deals are in, how many stages a deal may skip at once, and the
 * reasons a deal may be won or lost for. Pipelines are reference data: read often, changed by
 * administrators through {@link Pipelines}, and cached.
 *
 * @param id the id; null before it is defined
 * @param version the optimistic version
 * @param name 1 to 100 characters
 * @param currency the currency of every deal in it
 * @param stages the stages in order; at least one active stage of each kind
 * @param maxStagesSkipped how many open stages a deal may skip in one move, or null for any
 * @param wonReasons the reasons a deal may be won for
 * @param lostReasons the reasons a deal may be lost for
 * @param createdAt when it was defined
 * @param updatedAt when it was last changed
 */
public record Pipeline(PipelineId id, long version, String name, Currency currency, List<Stage> stages,
        Integer maxStagesSkipped, Set<String> wonReasons, Set<String> lostReasons, Instant createdAt,
        Instant updatedAt) {

    /** @throws ValidationException listing every broken rule */
    public Pipeline {
        List<Violation> violations = new ArrayList<>();
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty() || name.length() > 100) {
            violations.add(new Violation("pipeline.name", "Size", "must have 1 to 100 characters"));
        }
        if (currency == null) {
            violations.add(new Violation("pipeline.currency", "NotNull", "must not be null"));
        }
        if (stages == null || stages.stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation("pipeline.stages", "NotNull", "must not be or contain null"));
        } else {
            Set<String> codes = new HashSet<>();
            for (Stage stage : stages) {
                if (!codes.add(stage.code())) {
                    violations.add(new Violation("pipeline.stages", "Unique", "stage code " + stage.code() + " is used twice"));
                }
            }
            for (StageKind kind : StageKind.values()) {
                if (stages.stream().noneMatch(s -> s.kind() == kind && s.isActive())) {
                    violations.add(new Violation("pipeline.stages", "Kinds",
                            "needs at least one active " + kind.name().toLowerCase(Locale.ROOT) + " stage"));
                }
            }
        }
        if (maxStagesSkipped != null && maxStagesSkipped < 0) {
            violations.add(new Violation("pipeline.maxStagesSkipped", "PositiveOrZero", "must not be negative"));
        }
        wonReasons = reasons(wonReasons, "pipeline.wonReasons", violations);
        lostReasons = reasons(lostReasons, "pipeline.lostReasons", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        stages = List.copyOf(stages);
    }

    private static Set<String> reasons(Set<String> reasons, String field, List<Violation> violations) {
        if (reasons == null || reasons.isEmpty()) {
            violations.add(new Violation(field, "NotEmpty", "needs at least one reason"));
            return Set.of();
        }
        Set<String> clean = new HashSet<>();
        for (String reason : reasons) {
            if (reason == null || reason.isBlank() || reason.strip().length() > 50) {
                violations.add(new Violation(field, "Size", "a reason has 1 to 50 characters"));
            } else {
                clean.add(reason.strip());
            }
        }
        return Set.copyOf(clean);
    }

    /**
     * @param code a stage code, in any case
     * @return the stage
     */
    public Optional<Stage> stage(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        return stages.stream().filter(s -> s.code().equals(wanted)).findFirst();
    }

    /**
     * @param code a stage code
     * @return its position among the stages, or -1
     */
    public int positionOf(String code) {
        return stage(code).map(stages::indexOf).orElse(-1);
    }

    /** @return the first active open stage: where new deals start by default */
    public Stage firstOpenStage() {
        return stages.stream().filter(s -> s.kind() == StageKind.OPEN && s.isActive()).findFirst().orElseThrow();
    }

    /**
     * @param newStages the changed stages
     * @param at when
     * @return a copy with other stages, checked again
     */
    public Pipeline withStages(List<Stage> newStages, Instant at) {
        return new Pipeline(id, version, name, currency, newStages, maxStagesSkipped, wonReasons, lostReasons,
                createdAt, at);
    }

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the identity a store assigned
     */
    public Pipeline withIdentity(PipelineId newId, long newVersion) {
        return new Pipeline(newId, newVersion, name, currency, stages, maxStagesSkipped, wonReasons, lostReasons,
                createdAt, updatedAt);
    }
}
