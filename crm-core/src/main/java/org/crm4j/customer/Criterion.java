package org.crm4j.customer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.TaxIds;

/**
 * A typed criteria tree over customers, used by search and list views and later by segments.
 * Each store adapter translates it (to SQL with bound parameters, or to a predicate in memory),
 * and every adapter gives the same answers. Build trees with {@link Criteria}.
 */
public sealed interface Criterion
        permits Criterion.Compare, Criterion.In, Criterion.TextMatch, Criterion.HasTag, Criterion.InCategory,
        Criterion.And, Criterion.Or, Criterion.Not {

    /** @return whether the tree tests only basic fields (see {@link CustomerField#isBasic()}) */
    boolean basicOnly();

    /** Comparison operators. The ordering ones (LT, LE, GT, GE) apply to time stamps only. */
    enum Op {
        /** equal */
        EQ,
        /** not equal */
        NE,
        /** less than */
        LT,
        /** less than or equal */
        LE,
        /** greater than */
        GT,
        /** greater than or equal */
        GE
    }

    /** How a {@link TextMatch} compares, always ignoring case. */
    enum TextMode {
        /** the field equals the text */
        EQUALS,
        /** the field starts with the text */
        STARTS_WITH,
        /** the field contains the text */
        CONTAINS
    }

    /**
     * {@code field op value}. A null field value never matches (as in SQL).
     *
     * @param field the field
     * @param op the operator
     * @param value a value of the field's type
     */
    record Compare(CustomerField field, Op op, Object value) implements Criterion {
        /** @throws ValidationException when the value does not fit the field */
        public Compare {
            checkField(field);
            if (op == null) {
                throw new ValidationException("criteria.op", "NotNull", "an operator is required");
            }
            value = checkValue(field, value);
            if (op.ordinal() > Op.NE.ordinal() && field.type() != Instant.class) {
                throw new ValidationException("criteria." + name(field), "Op",
                        op + " is defined on time stamps only; use eq, ne, in or a text match");
            }
        }

        @Override
        public boolean basicOnly() {
            return field.isBasic();
        }
    }

    /**
     * {@code field in (values)}.
     *
     * @param field the field
     * @param values 1 to 1000 values of the field's type
     */
    record In(CustomerField field, Set<Object> values) implements Criterion {
        /** @throws ValidationException when a value does not fit the field */
        public In {
            checkField(field);
            if (values == null || values.isEmpty() || values.size() > 1000) {
                throw new ValidationException("criteria." + name(field), "Size", "needs 1 to 1000 values");
            }
            values = Set.copyOf(values.stream().map(v -> checkValue(field, v)).toList());
        }

        @Override
        public boolean basicOnly() {
            return field.isBasic();
        }
    }

    /**
     * A case-insensitive text match on a text field.
     *
     * @param field a text field
     * @param mode how to compare
     * @param text 1 to 200 characters
     */
    record TextMatch(CustomerField field, TextMode mode, String text) implements Criterion {
        /** @throws ValidationException when the field is not text or the text is blank */
        public TextMatch {
            checkField(field);
            if (field.type() != String.class) {
                throw new ValidationException("criteria." + name(field), "Type", "a text match needs a text field");
            }
            if (mode == null) {
                throw new ValidationException("criteria.mode", "NotNull", "a match mode is required");
            }
            if (text == null || text.isBlank() || text.length() > 200) {
                throw new ValidationException("criteria." + name(field), "Size", "needs 1 to 200 characters of text");
            }
        }

        @Override
        public boolean basicOnly() {
            return field.isBasic();
        }
    }

    /**
     * The customer has the tag.
     *
     * @param tag the tag
     */
    record HasTag(String tag) implements Criterion {
        /** @throws ValidationException when the tag is blank */
        public HasTag {
            if (tag == null || tag.isBlank()) {
                throw new ValidationException("criteria.tag", "NotBlank", "a tag is required");
            }
            tag = tag.strip();
        }

        @Override
        public boolean basicOnly() {
            return false;
        }
    }

    /**
     * The customer is classified in the category.
     *
     * @param category the category
     */
    record InCategory(String category) implements Criterion {
        /** @throws ValidationException when the category is blank */
        public InCategory {
            if (category == null || category.isBlank()) {
                throw new ValidationException("criteria.category", "NotBlank", "a category is required");
            }
            category = category.strip();
        }

        @Override
        public boolean basicOnly() {
            return false;
        }
    }

    /**
     * All of the parts hold.
     *
     * @param parts at least one
     */
    record And(List<Criterion> parts) implements Criterion {
        /** @throws ValidationException when there are no parts */
        public And {
            parts = checkParts(parts);
        }

        @Override
        public boolean basicOnly() {
            return parts.stream().allMatch(Criterion::basicOnly);
        }
    }

    /**
     * At least one of the parts holds.
     *
     * @param parts at least one
     */
    record Or(List<Criterion> parts) implements Criterion {
        /** @throws ValidationException when there are no parts */
        public Or {
            parts = checkParts(parts);
        }

        @Override
        public boolean basicOnly() {
            return parts.stream().allMatch(Criterion::basicOnly);
        }
    }

    /**
     * The part does not hold. As in SQL, a comparison on a missing (null) field value is neither
     * true nor false, so {@code not(city = 'Berlin')} does not match customers without a city.
     *
     * @param part the negated criterion
     */
    record Not(Criterion part) implements Criterion {
        /** @throws ValidationException when the part is null */
        public Not {
            if (part == null) {
                throw new ValidationException("criteria", "NotNull", "not() needs a criterion");
            }
        }

        @Override
        public boolean basicOnly() {
            return part.basicOnly();
        }
    }

    private static void checkField(CustomerField field) {
        if (field == null) {
            throw new ValidationException("criteria.field", "NotNull", "a field is required");
        }
    }

    private static String name(CustomerField field) {
        return field.name().toLowerCase(Locale.ROOT);
    }

    private static Object checkValue(CustomerField field, Object value) {
        if (value == null) {
            throw new ValidationException("criteria." + name(field), "NotNull", "a value is required");
        }
        if (!field.type().isInstance(value)) {
            throw new ValidationException("criteria." + name(field), "Type",
                    "expects " + field.type().getSimpleName() + ", got " + value.getClass().getSimpleName());
        }
        if (field == CustomerField.TAX_ID) {
            return TaxIds.normalize((String) value);
        }
        if (field == CustomerField.COUNTRY) {
            return ((String) value).strip().toUpperCase(Locale.ROOT);
        }
        return value;
    }

    private static List<Criterion> checkParts(List<Criterion> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new ValidationException("criteria", "NotEmpty", "needs at least one part");
        }
        for (Criterion part : parts) {
            if (part == null) {
                throw new ValidationException("criteria", "NotNull", "a part cannot be null");
            }
        }
        return List.copyOf(parts);
    }
}
