package org.crm4j.internal.notify;

import org.crm4j.store.NoticeStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.common.Page;
import org.crm4j.notify.Inbox;
import org.crm4j.notify.Notice;
import org.crm4j.notify.NoticeId;
import org.crm4j.store.Keyset;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;

/** {@link Inbox} of one actor: every query is bounded to the actor's own notices. */
public final class InboxService implements Inbox {
    private static final String ORDER = "INBOX";

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the runtime
     * @param actor whose inbox it is
     */
    public InboxService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    @Override
    public Page<Notice> list(String pageToken, int pageSize) {
        Assert.pageSize(pageSize);
        Keyset after = pageToken == null ? null : decode(pageToken);
        List<Notice> rows = rt.store().readOnly(tx -> tx.store(NoticeStore.class).inbox(actor.id(), after, pageSize + 1));
        boolean more = rows.size() > pageSize;
        List<Notice> page = more ? rows.subList(0, pageSize) : rows;
        Notice last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page<>(page, more ? encode(last.inboxAt(), last.id().value()) : null);
    }

    @Override
    public long unreadCount() {
        return rt.store().readOnly(tx -> tx.store(NoticeStore.class).unreadCount(actor.id()));
    }

    @Override
    public Notice get(NoticeId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> tx.store(NoticeStore.class).find(id.value(), actor.id()))
                .orElseThrow(() -> new NotFoundException("notice", id.value()));
    }

    @Override
    public Notice markRead(NoticeId id) {
        return mark(id, rt.now());
    }

    @Override
    public Notice markUnread(NoticeId id) {
        return mark(id, null);
    }

    private Notice mark(NoticeId id, Instant readAt) {
        Assert.notNull(id, "id");
        return rt.store().inTransaction(tx -> {
            if (!tx.store(NoticeStore.class).markRead(id.value(), actor.id(), readAt)) {
                throw new NotFoundException("notice", id.value());
            }
            return tx.store(NoticeStore.class).find(id.value(), actor.id()).orElseThrow();
        });
    }

    private static String encode(Instant at, long id) {
        String raw = "1\u001f" + ORDER + "\u001f" + id + "\u001f" + at;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Keyset decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                    .split("\u001f", -1);
            if (parts.length != 4 || !parts[0].equals("1") || !parts[1].equals(ORDER)) {
                throw new IllegalArgumentException("a token of another list");
            }
            return new Keyset(Instant.parse(parts[3]), Long.parseLong(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ValidationException("pageToken", "Format", "not a page token of the inbox");
        }
    }
}
