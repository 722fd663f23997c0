package org.crm4j.customer;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.Storable;
import org.crm4j.common.TaxIds;

/**
 * A typed criteria tree over customers, used by search and list views and later by segments.
 * Each store adapter translates it (to SQL with bound parameters, or to a predicate in memory),
 * and every adapter gives the same answers. Build trees with {@link Criteria}.
 */
public sealed interface Criterion
        permits Criterion.Compare, Criterion.In, Criterion.TextMatch, Criterion.HasTag, Criterion.InCategory,
        Criterion.And, Criterion.Or, Criterion.Not {

    /**
     * The deepest a tree may be: {@code and(or(not(...)))} is 4 levels deep with its leaf. A deeper
     * tree is refused on construction (field {@code criteria}, rule {@code Depth}).
     */
    int MAX_DEPTH = 32;

    /**
     * The most criteria a tree may hold, leaves and {@code and}/{@code or}/{@code not} alike. A larger
     * tree is refused on construction (field {@code criteria}, rule {@code Size}).
     */
    int MAX_PARTS = 200;

    /**
     * The most values all the {@link In} criteria of a tree may list together, so that a tree
     * stays within what a database binds in one statement (field {@code criteria}, rule
     * {@code Size}).
     */
    int MAX_VALUES = 1000;

    /** The most characters of a tag or a category (the columns that keep them). */
    int MAX_TAG = 50;

    /** @return how deep the tree is: 1 for a leaf */
    default int depth() {
        return 1;
    }

    /** @return how many criteria the tree holds, itself included */
    default int size() {
        return 1;
    }

    /** @return how many values its {@link In} criteria list together */
    default int valueCount() {
        return 0;
    }

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

        @Override
        public int valueCount() {
            return values.size();
        }
    }

    /**
     * A case-insensitive text match on a text field.
     *
     * @param field a text field
     * @param mode how to compare
     * @param text 1 character up to as many as the field's column keeps (see {@link #maxLength})
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
            if (text == null || text.isBlank() || text.length() > maxLength(field)) {
                throw new ValidationException("criteria." + name(field), "Size", "needs 1 to " + maxLength(field)
                        + " characters of text");
            }
            checkText("criteria." + name(field), text);
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
            checkLength("criteria.tag", tag, MAX_TAG);
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
            checkLength("criteria.category", category, MAX_TAG);
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

        @Override
        public int depth() {
            return junctionDepth(parts);
        }

        @Override
        public int size() {
            return junctionSize(parts);
        }

        @Override
        public int valueCount() {
            return parts.stream().mapToInt(Criterion::valueCount).sum();
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

        @Override
        public int depth() {
            return junctionDepth(parts);
        }

        @Override
        public int size() {
            return junctionSize(parts);
        }

        @Override
        public int valueCount() {
            return parts.stream().mapToInt(Criterion::valueCount).sum();
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
            checkTree(part.depth() + 1, part.size() + 1, part.valueCount());
        }

        @Override
        public boolean basicOnly() {
            return part.basicOnly();
        }

        @Override
        public int depth() {
            return 1 + part.depth();
        }

        @Override
        public int size() {
            return 1 + part.size();
        }

        @Override
        public int valueCount() {
            return part.valueCount();
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
        if (value instanceof Instant instant && !Storable.storable(instant)) {
            throw new ValidationException(List.of(Storable.outOfRange("criteria." + name(field))));
        }
        Object normal = value;
        if (field == CustomerField.TAX_ID) {
            normal = TaxIds.normalize((String) value);
        } else if (field == CustomerField.COUNTRY) {
            normal = ((String) value).strip().toUpperCase(Locale.ROOT);
        }
        if (normal instanceof String text) {
            // a longer value than the column keeps cannot match; refused, as the column's writes are
            checkLength("criteria." + name(field), text, maxLength(field));
        }
        return normal;
    }

    /** The depth of an and/or: one level above its deepest part. */
    private static int junctionDepth(List<Criterion> parts) {
        return 1 + parts.stream().mapToInt(Criterion::depth).max().orElse(0);
    }

    /** The size of an and/or: itself and all its parts. */
    private static int junctionSize(List<Criterion> parts) {
        return 1 + parts.stream().mapToInt(Criterion::size).sum();
    }

    private static List<Criterion> checkParts(List<Criterion> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new ValidationException("criteria", "NotEmpty", "needs at least one part");
        }
        if (parts.size() >= MAX_PARTS) {
            throw new ValidationException("criteria", "Size", "at most " + MAX_PARTS + " criteria in a tree, had "
                    + (parts.size() + 1) + " or more");
        }
        int depth = 0;
        int count = 1;
        int values = 0;
        for (Criterion part : parts) {
            if (part == null) {
                throw new ValidationException("criteria", "NotNull", "a part cannot be null");
            }
            depth = Math.max(depth, part.depth());
            count += part.size();
            values += part.valueCount();
        }
        checkTree(depth + 1, count, values);
        return List.copyOf(parts);
    }

    /** Refuses a tree beyond the limits: every part was checked when it was made, so this sees the whole. */
    private static void checkTree(int depth, int parts, int values) {
        if (depth > MAX_DEPTH) {
            throw new ValidationException("criteria", "Depth", "at most " + MAX_DEPTH + " levels deep, was "
                    + depth);
        }
        if (parts > MAX_PARTS) {
            throw new ValidationException("criteria", "Size", "at most " + MAX_PARTS + " criteria in a tree, had "
                    + parts);
        }
        if (values > MAX_VALUES) {
            throw new ValidationException("criteria", "Size", "at most " + MAX_VALUES + " values in a tree's in()"
                    + " criteria together, had " + values);
        }
    }

    /**
     * @param field a text field
     * @return the most characters a value of it may have: as many as its column keeps
     */
    static int maxLength(CustomerField field) {
        return switch (field) {
            case NAME -> 200;
            case TAX_ID -> 50;
            case CITY, INDUSTRY -> 100;
            case COUNTRY -> 2;
            case OWNER -> Storable.MAX_USER_ID;
            case RATING -> 10;
            default -> 200;
        };
    }

    private static void checkLength(String field, String text, int max) {
        if (text.length() > max) {
            throw new ValidationException(field, "Size", "at most " + max + " characters, had " + text.length());
        }
        checkText(field, text);
    }

    private static void checkText(String field, String text) {
        Storable.requireStorable(text, field);
    }
}
