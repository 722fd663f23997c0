package org.crm4j.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerSort;
import org.crm4j.store.Keyset;

/** Encodes where a page ended as an opaque, URL-safe token, and reads it back. */
public final class PageTokens {
    private static final char SEP = '\u001f';

    private PageTokens() {
    }

    /** The order of the stalled-deals list, as named in its tokens. */
    private static final String STALLED = "STALLED";

    /**
     * @param sort the search's order
     * @param keyset where the page ended
     * @return the token
     */
    public static String encode(CustomerSort sort, Keyset keyset) {
        String value = keyset.sortValue() instanceof Instant i ? i.toString() : (String) keyset.sortValue();
        return pack(sort.name(), keyset.id(), value);
    }

    /**
     * @param sort the search's order, which the token must have been made for
     * @param token a token from {@link #encode}
     * @return where the previous page ended
     * @throws ValidationException when the token is malformed or belongs to another order
     */
    public static Keyset decode(CustomerSort sort, String token) {
        try {
            String[] parts = unpack(token);
            if (parts[0].equals(STALLED) || parts[0].equals(ACTIVITIES) || parts[0].equals(SCHEDULE)
                    || parts[0].equals(OVERDUE_REQUESTS)) {
                throw new IllegalArgumentException("a token of another list");
            }
            if (!parts[0].equals(sort.name())) {
                throw new ValidationException("pageToken", "SameSort",
                        "the token belongs to a search sorted by " + parts[0] + ", not " + sort);
            }
            Object value = sort.byName() ? parts[2] : Instant.parse(parts[2]);
            return new Keyset(value, Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("pageToken", "Format", "not a page token of crm4j");
        }
    }

    /**
     * @param keyset where a page of stalled deals ended (its last activity and id)
     * @return the token
     */
    public static String encodeStalled(Keyset keyset) {
        return pack(STALLED, keyset.id(), keyset.sortValue().toString());
    }

    /**
     * @param token a token from {@link #encodeStalled}
     * @return where the previous page of stalled deals ended
     * @throws ValidationException when the token is malformed or belongs to another list
     */
    public static Keyset decodeStalled(String token) {
        return decodeByInstant(STALLED, token, "the stalled deals");
    }

    /** The order of a customer's activities, as named in its tokens. */
    private static final String ACTIVITIES = "ACTIVITIES";

    /**
     * @param keyset where a page of a customer's activities ended (its last start and id)
     * @return the token
     */
    public static String encodeActivities(Keyset keyset) {
        return pack(ACTIVITIES, keyset.id(), keyset.sortValue().toString());
    }

    /**
     * @param token a token from {@link #encodeActivities}
     * @return where the previous page of activities ended
     * @throws ValidationException when the token is malformed or belongs to another list
     */
    public static Keyset decodeActivities(String token) {
        return decodeByInstant(ACTIVITIES, token, "a customer's activities");
    }

    /** The order of the overdue requests, as named in its tokens. */
    private static final String OVERDUE_REQUESTS = "OVERDUE_REQUESTS";

    /**
     * @param keyset where a page of overdue requests ended (its last due time and id)
     * @return the token
     */
    public static String encodeOverdueRequests(Keyset keyset) {
        return pack(OVERDUE_REQUESTS, keyset.id(), keyset.sortValue().toString());
    }

    /**
     * @param token a token from {@link #encodeOverdueRequests}
     * @return where the previous page of overdue requests ended
     * @throws ValidationException when the token is malformed or belongs to another list
     */
    public static Keyset decodeOverdueRequests(String token) {
        return decodeByInstant(OVERDUE_REQUESTS, token, "the overdue requests");
    }

    /** Reads a token of a list ordered by an instant, then id. */
    private static Keyset decodeByInstant(String order, String token, String list) {
        try {
            String[] parts = unpack(token);
            if (!parts[0].equals(order)) {
                throw new IllegalArgumentException("a token of another list");
            }
            return new Keyset(Instant.parse(parts[2]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("pageToken", "Format", "not a page token of " + list);
        }
    }

    /** The order of a schedule, as named in its tokens. */
    private static final String SCHEDULE = "SCHEDULE";

    /**
     * @param keyset where a page of a schedule ended (its last start and id)
     * @return the token
     */
    public static String encodeSchedule(Keyset keyset) {
        return pack(SCHEDULE, keyset.id(), keyset.sortValue().toString());
    }

    /**
     * @param token a token from {@link #encodeSchedule}
     * @return where the previous page of the schedule ended
     * @throws ValidationException when the token is malformed or belongs to another list
     */
    public static Keyset decodeSchedule(String token) {
        try {
            String[] parts = unpack(token);
            if (!parts[0].equals(SCHEDULE)) {
                throw new IllegalArgumentException("a token of another list");
            }
            return new Keyset(Instant.parse(parts[2]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("pageToken", "Format", "not a page token of a schedule");
        }
    }

    /** Format 1: the list's order, the last id, the last sort value; Base64, URL-safe. */
    private static String pack(String order, long id, String value) {
        String raw = "1" + SEP + order + SEP + id + SEP + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the order, the id and the value of a token of format 1 */
    private static String[] unpack(String token) {
        String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        String[] parts = raw.split(String.valueOf(SEP), 4);
        if (parts.length != 4 || !parts[0].equals("1")) {
            throw new IllegalArgumentException("unknown format");
        }
        return new String[] {parts[1], parts[2], parts[3]};
    }
}
