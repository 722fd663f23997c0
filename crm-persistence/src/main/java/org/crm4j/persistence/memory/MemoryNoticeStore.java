package org.crm4j.persistence.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crm4j.ConflictException;
import org.crm4j.notify.Notice;
import org.crm4j.notify.NoticeId;
import org.crm4j.persistence.memory.MemoryData.Delivery;
import org.crm4j.store.ClaimedDelivery;
import org.crm4j.store.DeliveryResult;
import org.crm4j.store.DeliveryState;
import org.crm4j.store.Keyset;
import org.crm4j.store.NoticeDraft;
import org.crm4j.store.NoticeStore;

/**
 * Notices, deliveries and the inbox. Writers run one at a time, so a claim is simply a
 * change of the pending rows nobody holds; the rules are the database adapter's.
 */
final class MemoryNoticeStore extends MemoryFeatureStore implements NoticeStore {
    private static final Comparator<Notice> LATEST_FIRST = Comparator.comparing(Notice::inboxAt)
            .thenComparingLong(n -> n.id().value()).reversed();

    MemoryNoticeStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public Map<String, Set<String>> recipientsByKey(Collection<String> keys) {
        Set<String> wanted = new HashSet<>(keys);
        Map<String, Set<String>> found = new HashMap<>();
        data.noticeKeys.keySet().stream().filter(k -> wanted.contains(k.get(0)))
                .forEach(k -> found.computeIfAbsent(k.get(0), x -> new HashSet<>()).add(k.get(1)));
        return found;
    }

    @Override
    public Notice insert(NoticeDraft d, Collection<String> channels) {
        checkWritable();
        List<String> key = List.of(d.key(), d.recipientId());
        if (data.noticeKeys.containsKey(key)) {
            throw new ConflictException("notice " + d.key() + " for '" + d.recipientId() + "' exists already");
        }
        long id = newId();
        Notice notice = new Notice(NoticeId.of(id), d.key(), d.kind(), d.recipientId(), d.customerId(),
                d.subject(), d.body(), d.values(), d.createdAt(), null, null);
        put(data.notices, id, notice);
        put(data.noticeKeys, key, id);
        for (String channel : channels) {
            long deliveryId = newId();
            put(data.deliveries, deliveryId, new Delivery(deliveryId, id, channel, DeliveryState.PENDING, 0, null,
                    null, null, null));
        }
        return notice;
    }

    @Override
    public List<ClaimedDelivery> claim(Collection<String> channels, Instant now, Instant leaseUntil,
            String token, int limit) {
        checkWritable();
        List<Delivery> claimable = data.deliveries.values().stream()
                .filter(d -> d.state() == DeliveryState.PENDING && channels.contains(d.channel()))
                .filter(d -> d.leaseUntil() == null || !d.leaseUntil().isAfter(now))
                .limit(limit).toList();
        List<ClaimedDelivery> claimed = new ArrayList<>(claimable.size());
        for (Delivery d : claimable) {
            put(data.deliveries, d.id(), new Delivery(d.id(), d.noticeId(), d.channel(), d.state(), d.attempts(),
                    token, leaseUntil, d.sentAt(), d.error()));
            claimed.add(new ClaimedDelivery(d.id(), d.channel(), d.attempts(), data.notices.get(d.noticeId())));
        }
        return claimed;
    }

    @Override
    public Set<Long> finish(List<DeliveryResult> results, String token, Instant at) {
        checkWritable();
        Set<Long> recorded = new java.util.LinkedHashSet<>();
        for (DeliveryResult result : results) {
            Delivery d = data.deliveries.get(result.id());
            if (d == null || !token.equals(d.token())) {
                continue;
            }
            boolean failed = result.state() == DeliveryState.PENDING
                    || result.state() == DeliveryState.FAILED;
            put(data.deliveries, d.id(), new Delivery(d.id(), d.noticeId(), d.channel(), result.state(),
                    d.attempts() + (failed ? 1 : 0), null, result.retryAt(),
                    result.state() == DeliveryState.SENT ? at : null, result.error()));
            recorded.add(d.id());
        }
        return recorded;
    }

    @Override
    public void putInInbox(Collection<Long> noticeIds, Instant at) {
        for (long noticeId : noticeIds) {
            Notice n = data.notices.get(noticeId);
            if (n != null && n.inboxAt() == null) {
                put(data.notices, noticeId, new Notice(n.id(), n.key(), n.kind(), n.recipientId(), n.customerId(),
                        n.subject(), n.body(), n.values(), n.createdAt(), at, n.readAt()));
            }
        }
    }

    @Override
    public Optional<Notice> find(long id, String recipientId) {
        return Optional.ofNullable(data.notices.get(id))
                .filter(n -> n.recipientId().equals(recipientId) && n.inboxAt() != null);
    }

    @Override
    public List<Notice> inbox(String recipientId, Keyset after, int limit) {
        return data.notices.values().stream()
                .filter(n -> n.recipientId().equals(recipientId) && n.inboxAt() != null)
                .filter(n -> after == null || n.inboxAt().isBefore((Instant) after.sortValue())
                        || n.inboxAt().equals(after.sortValue()) && n.id().value() < after.id())
                .sorted(LATEST_FIRST).limit(limit).toList();
    }

    @Override
    public long unreadCount(String recipientId) {
        return data.notices.values().stream().filter(n -> n.recipientId().equals(recipientId)
                && n.inboxAt() != null && n.readAt() == null).count();
    }

    @Override
    public boolean markRead(long id, String recipientId, Instant readAt) {
        Notice n = data.notices.get(id);
        if (n == null || !n.recipientId().equals(recipientId) || n.inboxAt() == null) {
            return false;
        }
        Instant read = readAt == null ? null : n.readAt() != null ? n.readAt() : readAt;
        put(data.notices, id, new Notice(n.id(), n.key(), n.kind(), n.recipientId(), n.customerId(), n.subject(),
                n.body(), n.values(), n.createdAt(), n.inboxAt(), read));
        return true;
    }

    @Override
    public int readdress(long customerId, String fromRecipient, String toRecipient) {
        checkWritable();
        int count = 0;
        for (Notice n : List.copyOf(data.notices.values())) {
            if (n.customerId() == null || n.customerId() != customerId || !n.recipientId().equals(fromRecipient)) {
                continue;
            }
            count++;
            remove(data.noticeKeys, List.of(n.key(), fromRecipient));
            if (data.noticeKeys.containsKey(List.of(n.key(), toRecipient))) {
                remove(data.notices, n.id().value());
                for (Delivery d : List.copyOf(data.deliveries.values())) {
                    if (d.noticeId() == n.id().value()) {
                        remove(data.deliveries, d.id());
                    }
                }
            } else {
                put(data.notices, n.id().value(), new Notice(n.id(), n.key(), n.kind(), toRecipient, n.customerId(),
                        n.subject(), n.body(), n.values(), n.createdAt(), n.inboxAt(), n.readAt()));
                put(data.noticeKeys, List.of(n.key(), toRecipient), n.id().value());
            }
        }
        return count;
    }
}
