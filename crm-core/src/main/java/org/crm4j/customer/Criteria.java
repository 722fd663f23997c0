package org.crm4j.customer;

import java.util.Arrays;
import java.util.LinkedHashSet;
import org.crm4j.ValidationException;

/**
 * Factories for {@link Criterion} trees that read like the domain.
 *
 * <pre>{@code
 * Criterion c = Criteria.and(
 *         Criteria.nameContains("gmbh"),
 *         Criteria.or(Criteria.eq(CustomerField.CITY, "Berlin"), Criteria.tagged("vip")));
 * }</pre>
 *
 * <p>Every factory refuses what no store could answer alike, with a
 * {@link org.crm4j.ValidationException}: a tree deeper than {@link Criterion#MAX_DEPTH} levels
 * (rule {@code Depth}) or with more than {@link Criterion#MAX_PARTS} criteria or
 * {@link Criterion#MAX_VALUES} {@code in()} values in all (rule {@code Size}); a text value longer
 * than the column it is compared with (name 200 characters, tax id 50, city and industry 100,
 * country 2, owner 100, rating 10, tag and category {@link Criterion#MAX_TAG}; rule {@code Size});
 * a text with U+0000 or a lone surrogate (rule {@code Text}); a time stamp outside the years 1 to
 * 9999 (rule {@code Range}). The field is {@code criteria} or {@code criteria.<field>}.
 */
public final class Criteria {
    private Criteria() {
    }

    /**
     * @param field a field
     * @param value the value
     * @return {@code field = value}
     */
    public static Criterion eq(CustomerField field, Object value) {
        return new Criterion.Compare(field, Criterion.Op.EQ, value);
    }

    /**
     * @param field a field
     * @param op the operator
     * @param value the value
     * @return {@code field op value}
     */
    public static Criterion compare(CustomerField field, Criterion.Op op, Object value) {
        return new Criterion.Compare(field, op, value);
    }

    /**
     * @param field a field
     * @param values the values
     * @return {@code field in (values)}
     */
    public static Criterion in(CustomerField field, Object... values) {
        ValidationException.requireNonNull(values, "criteria.values");
        for (Object value : values) {
            ValidationException.requireNonNull(value, "criteria.values");
        }
        return new Criterion.In(field, new LinkedHashSet<>(Arrays.asList(values)));
    }

    /**
     * @param text part of the name
     * @return the name contains the text, ignoring case
     */
    public static Criterion nameContains(String text) {
        return new Criterion.TextMatch(CustomerField.NAME, Criterion.TextMode.CONTAINS, text);
    }

    /**
     * @param text the start of the name
     * @return the name starts with the text, ignoring case
     */
    public static Criterion nameStartsWith(String text) {
        return new Criterion.TextMatch(CustomerField.NAME, Criterion.TextMode.STARTS_WITH, text);
    }

    /**
     * @param field a text field
     * @param mode how to compare
     * @param text the text
     * @return a case-insensitive text match
     */
    public static Criterion text(CustomerField field, Criterion.TextMode mode, String text) {
        return new Criterion.TextMatch(field, mode, text);
    }

    /**
     * @param tag a tag
     * @return the customer has the tag
     */
    public static Criterion tagged(String tag) {
        return new Criterion.HasTag(tag);
    }

    /**
     * @param rating a rating such as {@code A}
     * @return the customer has that rating
     */
    public static Criterion rated(String rating) {
        return eq(CustomerField.RATING, rating);
    }

    /**
     * @param category a category
     * @return the customer is classified in it
     */
    public static Criterion inCategory(String category) {
        return new Criterion.InCategory(category);
    }

    /**
     * @param ownerIds user ids
     * @return the customer is owned by one of them
     */
    public static Criterion ownedBy(String... ownerIds) {
        return in(CustomerField.OWNER, (Object[]) ownerIds);
    }

    /** @return the customer is archived (combine with {@code includeArchived}) */
    public static Criterion archived() {
        return eq(CustomerField.STATUS, CustomerStatus.ARCHIVED);
    }

    /**
     * @param parts criteria
     * @return all hold
     */
    public static Criterion and(Criterion... parts) {
        return new Criterion.And(parts == null ? null : Arrays.asList(parts));
    }

    /**
     * @param parts criteria
     * @return at least one holds
     */
    public static Criterion or(Criterion... parts) {
        return new Criterion.Or(parts == null ? null : Arrays.asList(parts));
    }

    /**
     * @param part a criterion
     * @return it does not hold
     */
    public static Criterion not(Criterion part) {
        return new Criterion.Not(part);
    }
}
