package org.crm4j.internal;

import java.util.Collection;
import org.crm4j.ValidationException;

/**
 * Argument checks with one wording ("x cannot be null"), used across crm4j. A missing argument of
 * a public operation is bad input like any other, so it is reported as a
 * {@link ValidationException} naming the argument.
 */
public final class Assert {
    private Assert() {
    }

    /**
     * @param value the argument
     * @param name its name
     * @param <T> its type
     * @return the argument
     * @throws ValidationException "name cannot be null"
     */
    public static <T> T notNull(T value, String name) {
        return ValidationException.requireNonNull(value, name);
    }

    /**
     * @param values a collection
     * @param name its name
     * @param <C> its type
     * @return the collection
     * @throws ValidationException when it or an element is null
     */
    public static <C extends Collection<?>> C noNulls(C values, String name) {
        notNull(values, name);
        for (Object value : values) {
            if (value == null) {
                throw new ValidationException(name, "NotNull", "cannot contain null");
            }
        }
        return values;
    }

    /**
     * @param value a number that must be positive
     * @param name its name
     * @return the value
     */
    public static int positive(int value, String name) {
        if (value <= 0) {
            throw new ValidationException(name, "Positive", "must be greater than 0, was " + value);
        }
        return value;
    }

    /**
     * @param pageSize a page size asked for
     * @return it
     * @throws ValidationException when it is not 1 to 500
     */
    public static int pageSize(int pageSize) {
        if (pageSize < 1 || pageSize > 500) {
            throw new ValidationException("pageSize", "Range", "must be 1 to 500, was " + pageSize);
        }
        return pageSize;
    }

    /**
     * @param text a text
     * @param max the most characters it may have
     * @return it, or its beginning ending in an ellipsis so that it has {@code max} characters
     */
    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }
}
