package org.crm4j.pipeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;

/**
 * One stage of a pipeline: a code unique in its pipeline, a name, a kind, the probability a deal
 * in it gets by default, and what the built-in rules require to enter it. A retired stage takes
 * no new deals but keeps the ones in it.
 *
 * @param code upper-case letters, digits and {@code _}, 1 to 40 characters, e.g. {@code PROPOSAL}
 * @param name 1 to 100 characters
 * @param kind open, won or lost
 * @param defaultProbability 0 to 100; 100 for a won stage, 0 for a lost one
 * @param requirements what the built-in rules require to enter the stage
 * @param retired whether the stage takes no new deals
 */
public record Stage(String code, String name, StageKind kind, int defaultProbability,
        Set<StageRequirement> requirements, boolean retired) {

    /** @throws ValidationException listing every broken rule */
    public Stage {
        List<Violation> violations = new ArrayList<>();
        code = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (code == null || !code.matches("[A-Z0-9_]{1,40}")) {
            violations.add(new Violation("stage.code", "Format",
                    "'" + code + "' is not a stage code (A-Z, 0-9 and _, 1 to 40 characters)"));
        }
        name = name == null ? null : name.strip();
        if (name == null || name.isEmpty() || name.length() > 100) {
            violations.add(new Violation("stage.name", "Size", "must have 1 to 100 characters"));
        }
        if (kind == null) {
            violations.add(new Violation("stage.kind", "NotNull", "must not be null"));
        } else if (kind == StageKind.WON && defaultProbability != 100) {
            violations.add(new Violation("stage.defaultProbability", "Won", "a won stage has probability 100"));
        } else if (kind == StageKind.LOST && defaultProbability != 0) {
            violations.add(new Violation("stage.defaultProbability", "Lost", "a lost stage has probability 0"));
        }
        if (defaultProbability < 0 || defaultProbability > 100) {
            violations.add(new Violation("stage.defaultProbability", "Range", "must be 0 to 100, was " + defaultProbability));
        }
        if (requirements != null && requirements.stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation("stage.requirements", "NotNull", "cannot contain null"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        requirements = requirements == null || requirements.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(requirements));
    }

    /**
     * @param code the code
     * @param name the name
     * @param probability the default probability
     * @param requirements what entering the stage requires
     * @return an open stage
     */
    public static Stage open(String code, String name, int probability, StageRequirement... requirements) {
        ValidationException.requireNonNull(requirements, "stage.requirements");
        return new Stage(code, name, StageKind.OPEN, probability, Set.of(requirements), false);
    }

    /**
     * @param code the code
     * @param name the name
     * @param requirements what winning requires
     * @return a won stage
     */
    public static Stage won(String code, String name, StageRequirement... requirements) {
        ValidationException.requireNonNull(requirements, "stage.requirements");
        return new Stage(code, name, StageKind.WON, 100, Set.of(requirements), false);
    }

    /**
     * @param code the code
     * @param name the name
     * @return a lost stage
     */
    public static Stage lost(String code, String name) {
        return new Stage(code, name, StageKind.LOST, 0, Set.of(), false);
    }

    /** @return this stage, retired */
    public Stage retire() {
        return new Stage(code, name, kind, defaultProbability, requirements, true);
    }

    /** @return whether deals may enter it */
    public boolean isActive() {
        return !retired;
    }
}
