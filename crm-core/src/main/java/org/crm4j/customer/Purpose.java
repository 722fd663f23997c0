package org.crm4j.customer;

import java.util.Locale;
import java.util.regex.Pattern;
import org.crm4j.ValidationException;

/**
 * What a contact person agreed to be written to for: an open set of codes, with constants for
 * the common ones. A code is 1 to 50 characters: a lower-case letter, then letters, digits,
 * {@code .}, {@code _} or {@code -}; it is lower-cased when given.
 *
 * @param code the purpose's code, e.g. {@code marketing}
 */
public record Purpose(String code) {
    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9._-]{0,49}");

    /** Offers, campaigns and other advertising. */
    public static final Purpose MARKETING = new Purpose("marketing");
    /** Messages about the services and products the customer has (maintenance, changes of terms). */
    public static final Purpose SERVICE = new Purpose("service");
    /** A regular newsletter. */
    public static final Purpose NEWSLETTER = new Purpose("newsletter");
    /** Invitations to events, fairs and webinars. */
    public static final Purpose EVENTS = new Purpose("events");

    /** @throws ValidationException when the code does not have the format */
    public Purpose {
        String clean = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (!FORMAT.matcher(clean).matches()) {
            throw new ValidationException("purpose", "Format", "'" + code + "' is no purpose code (a letter, then"
                    + " up to 49 letters, digits, '.', '_' or '-')");
        }
        code = clean;
    }

    /**
     * @param code a purpose's code
     * @return the purpose
     * @throws ValidationException when the code does not have the format
     */
    public static Purpose of(String code) {
        return new Purpose(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
