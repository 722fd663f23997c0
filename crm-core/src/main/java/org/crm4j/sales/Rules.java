package org.crm4j.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/** The checks the sales inputs share: each adds what is broken to one list. */
final class Rules {
    /** The longest product code, unit and tax code. */
    static final int MAX_CODE = 50;
    /** The longest name (a product's, a group's). */
    static final int MAX_NAME = 200;
    /** The longest text (a line's description, a reason). */
    static final int MAX_TEXT = 2000;

    private final List<Violation> violations = new ArrayList<>();

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    Rules notBlank(String field, String value, String message) {
        if (value == null) {
            violations.add(new Violation(field, "NotBlank", message));
        }
        return this;
    }

    Rules notNull(String field, Object value, String message) {
        if (value == null) {
            violations.add(new Violation(field, "NotNull", message));
        }
        return this;
    }

    Rules text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "Size", "at most " + max + " characters, was " + value.length()));
        }
        return this;
    }

    Rules notNegative(String field, BigDecimal value) {
        if (value != null && value.signum() < 0) {
            violations.add(new Violation(field, "PositiveOrZero", "must not be negative, was " + value.toPlainString()));
        }
        return this;
    }

    Rules percent(String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            violations.add(new Violation(field, "Range", "a percentage from 0 to 100, was " + value.toPlainString()));
        }
        return this;
    }

    Rules digits(String field, BigDecimal value, int integer, int fraction) {
        if (value != null && (value.precision() - value.scale() > integer || Math.max(value.scale(), 0) > fraction)) {
            violations.add(new Violation(field, "Digits", "at most " + integer + " digits before the point and "
                    + fraction + " after it, was " + value.toPlainString()));
        }
        return this;
    }

    Rules check(boolean ok, String field, String rule, String message) {
        if (!ok) {
            violations.add(new Violation(field, rule, message));
        }
        return this;
    }

    Rules add(String prefix, ValidationException e) {
        for (Violation v : e.violations()) {
            violations.add(new Violation(prefix + v.field(), v.rule(), v.message()));
        }
        return this;
    }

    void throwIfBroken() {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }
}
