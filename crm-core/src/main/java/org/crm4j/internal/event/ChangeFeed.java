package org.crm4j.internal.event;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.event.ChangePage;
import org.crm4j.event.Changes;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.store.EventStore;
import org.crm4j.store.FeedEntry;
import org.crm4j.store.Visibility;

/**
 * The change feed of one actor. A cursor is the commit and sequence number of the last event read,
 * URL-safe Base64; it names no customer, and a forged one only starts the feed elsewhere in the
 * actor's own events.
 */
public final class ChangeFeed implements Changes {
    private static final String FORMAT = "F1";

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the runtime
     * @param actor whose feed
     */
    public ChangeFeed(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    @Override
    public ChangePage since(String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ValidationException("limit", "Range", "must be 1 to " + MAX_PAGE + ", was " + limit);
        }
        FeedEntry.Position after = cursor == null ? new FeedEntry.Position(0, 0) : decode(cursor);
        Visibility mine = rt.access().visibilityOf(actor);
        List<FeedEntry> read = rt.store().readOnly(tx -> tx.store(EventStore.class)
                .changes(after.commitNo(), after.sequence(), mine, limit + 1));
        boolean more = read.size() > limit;
        List<FeedEntry> page = more ? read.subList(0, limit) : read;
        String next = page.isEmpty() ? encode(after) : encode(new FeedEntry.Position(
                page.get(page.size() - 1).commitNo(), page.get(page.size() - 1).sequence()));
        return new ChangePage(page.stream().map(FeedEntry::event).toList(), next, more);
    }

    @Override
    public String now() {
        return encode(rt.store().readOnly(tx -> tx.store(EventStore.class).feedEnd()));
    }

    static String encode(FeedEntry.Position p) {
        String raw = FORMAT + ":" + p.commitNo() + ":" + p.sequence();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static FeedEntry.Position decode(String cursor) {
        Assert.notNull(cursor, "cursor");
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length == 3 && parts[0].equals(FORMAT)) {
                long commit = Long.parseLong(parts[1]);
                long sequence = Long.parseLong(parts[2]);
                if (commit >= 0 && sequence >= 0) {
                    return new FeedEntry.Position(commit, sequence);
                }
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw new ValidationException("cursor", "Format", "not a cursor of the change feed");
    }
}
