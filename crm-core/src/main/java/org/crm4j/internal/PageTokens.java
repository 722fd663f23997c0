package org.crm4j.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerSort;
import org.crm4j.spi.Keyset;

/** Encodes where a page ended as an opaque, URL-safe token, and reads it back. */
public final class PageTokens {
    private static final char SEP = '\u001f';

    private PageTokens() {
    }

    /**
     * @param sort the search's order
     * @param keyset where the page ended
     * @return the token
     */
    public static String encode(CustomerSort sort, Keyset keyset) {
        String value = keyset.sortValue() instanceof Instant i ? i.toString() : (String) keyset.sortValue();
        String raw = "1" + SEP + sort.name() + SEP + keyset.id() + SEP + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param sort the search's order, which the token must have been made for
     * @param token a token from {@link #encode}
     * @return where the previous page ended
     * @throws ValidationException when the token is malformed or belongs to another order
     */
    public static Keyset decode(CustomerSort sort, String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEP), 4);
            if (parts.length != 4 || !parts[0].equals("1")) {
                throw new IllegalArgumentException("unknown format");
            }
            if (!parts[1].equals(sort.name())) {
                throw new ValidationException("pageToken", "SameSort",
                        "the token belongs to a search sorted by " + parts[1] + ", not " + sort);
            }
            long id = Long.parseLong(parts[2]);
            Object value = sort.byName() ? parts[3] : Instant.parse(parts[3]);
            return new Keyset(value, id);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new ValidationException("pageToken", "Format", "not a page token of crm4j");
        }
    }

    /** The order of the stalled-deals list, as named in its tokens. */
    private static final String STALLED = "STALLED";

    /**
     * @param keyset where a page of stalled deals ended (its last activity and id)
     * @return the token
     */
    public static String encodeStalled(Keyset keyset) {
        String raw = "1" + SEP + STALLED + SEP + keyset.id() + SEP + keyset.sortValue();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param token a token from {@link #encodeStalled}
     * @return where the previous page of stalled deals ended
     * @throws ValidationException when the token is malformed or belongs to another list
     */
    public static Keyset decodeStalled(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEP), 4);
            if (parts.length != 4 || !parts[0].equals("1") || !parts[1].equals(STALLED)) {
                throw new IllegalArgumentException("unknown format");
            }
            return new Keyset(Instant.parse(parts[3]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new ValidationException("pageToken", "Format", "not a page token of the stalled deals");
        }
    }
}
