package org.crm4j.common;

import java.util.Locale;
import java.util.regex.Pattern;
import org.crm4j.ValidationException;

/**
 * An e-mail address, checked on construction. The domain is kept in lower case; the local part
 * as given (most mail servers treat it case-insensitively, so {@link #normalized()} lowers it too
 * for matching).
 *
 * @param value the address, e.g. {@code jane.doe@example.com}
 */
public record EmailAddress(String value) {
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+");
    private static final Pattern DOMAIN =
            Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    /** @throws ValidationException when the text is not an e-mail address */
    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw new ValidationException("email", "NotBlank", "an e-mail address is required");
        }
        String trimmed = value.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.length() > 254) {
            throw new ValidationException("email", "Format", "'" + value + "' is not an e-mail address");
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1).toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || local.startsWith(".")
                || local.endsWith(".") || local.contains("..") || !DOMAIN.matcher(domain).matches()) {
            throw new ValidationException("email", "Format", "'" + value + "' is not an e-mail address");
        }
        value = local + "@" + domain;
    }

    /**
     * @param text the address
     * @return the checked address
     */
    public static EmailAddress of(String text) {
        return new EmailAddress(text);
    }

    /** @return the address in lower case, for matching */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
