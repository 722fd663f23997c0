package org.crm4j.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerSort;
import org.crm4j.store.Keyset;

/**
 * Encodes where a page ended as an opaque, URL-safe token, and reads it back. A token carries
 * nothing the actor may not see: a customer search's token the last customer's id and, by name,
 * its name key, which everyone may find (see {@link #encode}); the tokens of the other lists (activities, schedules, stalled deals, overdue
 * requests) the last row's time and id, compared only with rows the actor may see, as those lists
 * apply need-to-know in the store's query. A token that is forged is refused when it is malformed
 * (field {@code pageToken}, rule {@code Format}), never passed to the store.
 */
public final class PageTokens {
    private static final char SEP = '\u001f';

    private PageTokens() {
    }

    /** The order of the stalled-deals list, as named in its tokens. */
    private static final String STALLED = "STALLED";

    /**
     * A customer search's token names the last customer of the page by its id and, in a search by
     * name, by its name key, and nothing else. A name is findable by everyone, so a name key chosen
     * by the caller starts the page where a search for names from that one would: a forged token
     * learns nothing. A creation time is a detail, so a search by creation never carries one: its
     * token names the id alone and the store reads that customer's creation time when it reads the
     * next page; naming another customer's id only starts the page where paging through the whole
     * list would.
     *
     * @param sort the search's order
     * @param lastNameKey the name key of the page's last customer ({@code CustomerRecord.nameKey}),
     *     used by the name orders only
     * @param lastId the id of the page's last customer
     * @return the token
     */
    public static String encode(CustomerSort sort, String lastNameKey, long lastId) {
        String raw = sort.byName() ? BY_NAME + SEP + sort.name() + SEP + lastId + SEP + lastNameKey
                : BY_ROW + SEP + sort.name() + SEP + lastId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param sort the search's order, which the token must have been made for
     * @param token a token from {@link #encode}
     * @return where the previous page ended: the last customer's name key and id, or its id alone
     *     ({@link Keyset#afterRow}) in a search by creation (and in a name order's token of the
     *     earlier, id-only format)
     * @throws ValidationException when the token is malformed or belongs to another order
     */
    public static Keyset decode(CustomerSort sort, String token) {
        String[] parts;
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            // the name key comes last and is taken whole, whatever it holds
            parts = raw.split(String.valueOf(SEP), 4);
        } catch (IllegalArgumentException e) {
            throw notAToken("a customer search");
        }
        boolean byName = parts.length == 4 && parts[0].equals(BY_NAME);
        boolean byRow = parts.length == 3 && parts[0].equals(BY_ROW);
        if (!byName && !byRow) {
            throw notAToken("a customer search");
        }
        if (!parts[1].equals(sort.name())) {
            throw new ValidationException("pageToken", "SameSort",
                    "the token belongs to a search sorted by " + printable(parts[1]) + ", not " + sort);
        }
        long id;
        try {
            id = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw notAToken("a customer search");
        }
        if (byName && (!sort.byName() || parts[3].length() > MAX_NAME_KEY)) {
            throw notAToken("a customer search");
        }
        return byName ? new Keyset(parts[3], id) : Keyset.afterRow(id);
    }

    /** A customer search's token of the creation orders: the order and the last id, nothing else. */
    private static final String BY_ROW = "2";
    /** A customer search's token of the name orders: the order, the last id and its name key. */
    private static final String BY_NAME = "3";
    /** The longest name key a token may carry; a name is at most 200 characters (`Customer`). */
    private static final int MAX_NAME_KEY = 1000;

    private static ValidationException notAToken(String list) {
        return new ValidationException("pageToken", "Format", "not a page token of " + list);
    }

    /** A sort's name as a forged token may carry it, fit to be shown in a message. */
    private static String printable(String name) {
        return name.length() <= 20 && name.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit(c))
                ? name : "another order";
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
            return new Keyset(storable(Instant.parse(parts[2])), Long.parseLong(parts[1]));
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
            return new Keyset(storable(Instant.parse(parts[2])), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("pageToken", "Format", "not a page token of a schedule");
        }
    }

    /** An instant a forged token carries beyond what the stores keep is no instant of a page's end. */
    private static Instant storable(Instant instant) {
        if (!org.crm4j.common.Storable.storable(instant)) {
            throw new IllegalArgumentException("beyond the years 1 to 9999");
        }
        return instant;
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
