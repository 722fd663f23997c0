package org.crm4j;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input was rejected before anything was written. Lists every violated field and rule at once,
 * not only the first.
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    /**
     * One broken rule.
     *
     * @param field the path of the offending field, e.g. {@code name} or {@code contacts[0].email}
     * @param rule the rule's short code, e.g. {@code NotBlank}, {@code Size}, {@code Format}
     * @param message a human-readable message
     */
    public record Violation(String field, String rule, String message) implements java.io.Serializable {
        @Override
        public String toString() {
            return field + ": " + message + " [" + rule + "]";
        }
    }

    @SuppressWarnings("serial") // an unmodifiable list of serializable records
    private final List<Violation> violations;

    /**
     * @param violations every violation found; at least one
     */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("violations cannot be empty");
        }
        this.violations = List.copyOf(violations);
    }

    /**
     * A single violation.
     *
     * @param field the offending field
     * @param rule the rule's short code
     * @param message what is wrong
     */
    public ValidationException(String field, String rule, String message) {
        this(List.of(new Violation(field, rule, message)));
    }

    /**
     * Checks a required argument.
     *
     * @param value the argument
     * @param field its name
     * @param <T> its type
     * @return the argument
     * @throws ValidationException "field: cannot be null" when it is null
     */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "NotNull", "cannot be null");
        }
        return value;
    }

    /** @return every violation, in the order found */
    public List<Violation> violations() {
        return violations;
    }

    /**
     * @param field a field path
     * @return whether any violation concerns that field
     */
    public boolean hasViolation(String field) {
        return violations.stream().anyMatch(v -> v.field().equals(field));
    }

    private static String describe(List<Violation> violations) {
        return "Invalid input: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
