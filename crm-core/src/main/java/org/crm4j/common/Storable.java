package org.crm4j.common;

import java.time.Instant;
import org.crm4j.ValidationException;

/**
 * The rules every value crm4j keeps obeys, whatever the field and the store: a text holds no
 * U+0000 (PostgreSQL refuses it, H2 and the heap keep it), no lone UTF-16 surrogate (PostgreSQL
 * silently keeps a {@code ?} instead) and no more characters than the column that keeps it; an
 * instant lies in the years 1 to 9999 (what the databases keep). Value objects and the services
 * check their input with it, so that every store refuses the same input alike.
 *
 * <p>User ids are kept in columns of {@value #MAX_USER_ID} characters (owners, authors, who
 * changed what), user names in columns of {@value #MAX_USER_NAME}.
 */
public final class Storable {
    /** The rule's name in a {@link ValidationException.Violation} for a broken text. */
    public static final String RULE = "Text";
    /** The most characters of a user id (an actor's, an owner's, a directory user's). */
    public static final int MAX_USER_ID = 100;
    /** The most characters of a user's display name. */
    public static final int MAX_USER_NAME = 200;

    private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Storable() {
    }

    /**
     * @param instant an instant, or null
     * @return whether every store keeps it: it lies in the years 1 to 9999 (null is kept)
     */
    public static boolean storable(Instant instant) {
        return instant == null || !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }

    /**
     * @param field the field's name, for the refusal
     * @return the violation of an instant or a date no store keeps
     */
    public static ValidationException.Violation outOfRange(String field) {
        return new ValidationException.Violation(field, "Range", "must lie in the years 1 to 9999");
    }

    /**
     * @param text a text, or null
     * @return whether every store keeps it as it is: no U+0000 and no lone surrogate (null is kept)
     */
    public static boolean storable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param field the field's name, for the refusal
     * @return the violation of a text no store keeps as it is
     */
    public static ValidationException.Violation violation(String field) {
        return new ValidationException.Violation(field, RULE,
                "must not contain the character U+0000 or a lone UTF-16 surrogate");
    }

    /**
     * @param text a text, or null
     * @param field its field's name
     * @return the text
     * @throws ValidationException (rule {@value #RULE}) when it holds U+0000 or a lone surrogate
     */
    public static String requireStorable(String text, String field) {
        if (!storable(text)) {
            throw new ValidationException(java.util.List.of(violation(field)));
        }
        return text;
    }

    /**
     * @param text a text, or null
     * @param field its field's name
     * @param max the most characters its column keeps
     * @return the text
     * @throws ValidationException (rule {@code Size}) when it is longer, or (rule {@value #RULE})
     *     when it holds U+0000 or a lone surrogate
     */
    public static String requireStorable(String text, String field, int max) {
        if (text != null && text.length() > max) {
            throw new ValidationException(field, "Size", "must have at most " + max + " characters, had "
                    + text.length());
        }
        return requireStorable(text, field);
    }
}
