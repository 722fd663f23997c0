package org.crm4j.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Money;

/**
 * One cost of a campaign (R18): an amount in the campaign's currency on a date, in a category
 * (e.g. {@code ads}, {@code print}, {@code event}), planned or actual. Costs of paid advertising
 * may name the keyword they were paid for, so that the cost of a keyword over a period is the sum
 * of the actual entries with that keyword dated in it (see {@link Campaign#actualCost}).
 *
 * @param date the day the cost falls on
 * @param amount how much; never negative
 * @param category what it was spent on, at most 50 characters
 * @param kind planned or actual
 * @param keyword the advertising keyword it was paid for, or null; at most 200 characters, no
 *     {@code ;} (it is written into a deal's source, see {@code Lead#dealSource()})
 */
public record CostEntry(LocalDate date, Money amount, String category, CostKind kind, String keyword) {
    /** The longest keyword kept. */
    public static final int MAX_KEYWORD = 200;

    /** @throws ValidationException listing every field that is wrong */
    public CostEntry {
        List<Violation> violations = new ArrayList<>();
        if (date == null) {
            violations.add(new Violation("cost.date", "NotNull", "a cost falls on a date"));
        }
        if (amount == null) {
            violations.add(new Violation("cost.amount", "NotNull", "a cost has an amount"));
        } else if (amount.isNegative()) {
            violations.add(new Violation("cost.amount", "PositiveOrZero", "must not be negative, was " + amount));
        }
        category = category == null ? null : category.strip();
        if (category == null || category.isEmpty()) {
            violations.add(new Violation("cost.category", "NotBlank", "a cost has a category"));
        } else if (category.length() > 50) {
            violations.add(new Violation("cost.category", "Size", "must be at most 50 characters"));
        }
        if (kind == null) {
            violations.add(new Violation("cost.kind", "NotNull", "a cost is planned or actual"));
        }
        keyword = normalizeKeyword(keyword, "cost.keyword", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param date the day
     * @param amount how much
     * @param category what for
     * @return a planned cost without a keyword
     */
    public static CostEntry planned(LocalDate date, Money amount, String category) {
        return new CostEntry(date, amount, category, CostKind.PLANNED, null);
    }

    /**
     * @param date the day
     * @param amount how much
     * @param category what for
     * @return an actual cost without a keyword
     */
    public static CostEntry actual(LocalDate date, Money amount, String category) {
        return new CostEntry(date, amount, category, CostKind.ACTUAL, null);
    }

    /**
     * @param word the advertising keyword it was paid for
     * @return a copy naming the keyword
     */
    public CostEntry forKeyword(String word) {
        return new CostEntry(date, amount, category, kind, word);
    }

    /**
     * The one spelling of a keyword crm4j keeps: stripped, inner blanks collapsed, lower case.
     *
     * @param keyword a keyword as typed, or null
     * @param field the field to name in a violation
     * @param violations where a violation is added
     * @return the normalized keyword, or null for none
     */
    static String normalizeKeyword(String keyword, String field, List<Violation> violations) {
        if (keyword == null || keyword.isBlank()) {
            return null;
        }
        String k = keyword.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        if (k.length() > MAX_KEYWORD) {
            violations.add(new Violation(field, "Size", "must be at most " + MAX_KEYWORD + " characters"));
        }
        if (k.indexOf(';') >= 0) {
            violations.add(new Violation(field, "Format", "must not contain ';'"));
        }
        return k;
    }

    /**
     * @param keyword a keyword as typed, or null
     * @return the normalized keyword (see {@link CostEntry}), or null for none
     * @throws ValidationException when it is too long or contains {@code ;}
     */
    public static String keyword(String keyword) {
        List<Violation> violations = new ArrayList<>();
        String k = normalizeKeyword(keyword, "keyword", violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return k;
    }
}
