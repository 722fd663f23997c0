package org.crm4j.persistence.jpa;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crm4j.notify.Notice;
import org.crm4j.store.ClaimedDelivery;
import org.crm4j.store.DeliveryResult;
import org.crm4j.store.DeliveryState;
import org.crm4j.store.Keyset;
import org.crm4j.store.NoticeDraft;
import org.crm4j.store.NoticeStore;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.query.SelectionQuery;

/**
 * Notices, deliveries and the inbox in the JPA store. A claim is one conditional bulk update
 * ({@code ... where state = 'PENDING' and (lease_until is null or lease_until <= now)}): when two
 * workers race for a row, the database makes the second wait for the first and then re-checks
 * the condition (PostgreSQL and H2 both do under read committed), so only one of them claims it.
 * Where the dialect has {@code FOR UPDATE SKIP LOCKED} (PostgreSQL) the candidates are first read
 * with it, so that concurrent workers take different rows instead of waiting for each other.
 */
final class JpaNoticeStore implements NoticeStore {
    private static final String CLAIMABLE = "d.state = :pending and (d.leaseUntil is null or d.leaseUntil <= :now)";

    private final JpaTransaction tx;

    JpaNoticeStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Map<String, Set<String>> recipientsByKey(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<String>> found = new HashMap<>();
        InList.bind(tx.session().createSelectionQuery(InList.expand("select n.key, n.recipientId from Notice n"
                + " where n.key in :keys", "keys", keys), Object[].class), "keys", keys).getResultList()
                .forEach(row -> found.computeIfAbsent((String) row[0], k -> new LinkedHashSet<>()).add((String) row[1]));
        return found;
    }

    @Override
    public Notice insert(NoticeDraft draft, Collection<String> channels) {
        NoticeEntity notice = NoticeEntity.of(draft);
        tx.writing().persist(notice);   // the id comes from the sequence; the unique rule is checked on commit
        for (String channel : channels) {
            tx.writing().persist(NoticeDeliveryEntity.pending(notice.id, channel));
        }
        return notice.toNotice();
    }

    @Override
    public List<ClaimedDelivery> claim(Collection<String> channels, Instant now, Instant leaseUntil, String token,
            int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        List<Long> ids = skipLocked() ? lockedCandidates(channels, now, limit)
                : InList.bind(tx.session().createSelectionQuery(InList.expand("select d.id from NoticeDelivery d"
                        + " where " + CLAIMABLE + " and d.channel in :channels order by d.id", "channels", channels),
                        Long.class), "channels", channels)
                        .setParameter("pending", DeliveryState.PENDING).setParameter("now", now)
                        .setMaxResults(limit).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        int claimed = InList.bind(tx.writing().createMutationQuery(InList.expand("update NoticeDelivery d"
                + " set d.claimToken = :token, d.leaseUntil = :until where d.id in :ids and " + CLAIMABLE, "ids", ids)),
                "ids", ids)
                .setParameter("token", token).setParameter("until", leaseUntil)
                .setParameter("pending", DeliveryState.PENDING).setParameter("now", now).executeUpdate();
        if (claimed == 0) {
            return List.of();
        }
        List<Object[]> rows = InList.bind(tx.session().createSelectionQuery(InList.expand("select d.id, d.channel,"
                + " d.attempts, n from NoticeDelivery d join Notice n on n.id = d.noticeId"
                + " where d.id in :ids and d.claimToken = :token order by d.id", "ids", ids), Object[].class), "ids", ids)
                .setParameter("token", token).getResultList();
        List<ClaimedDelivery> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new ClaimedDelivery((Long) row[0], (String) row[1], (Integer) row[2],
                    ((NoticeEntity) row[3]).toNotice()));
        }
        return result;
    }

    /** Whether the database is PostgreSQL, whose {@code FOR UPDATE SKIP LOCKED} lets workers take different rows. */
    private boolean skipLocked() {
        return JpaTransaction.dialectOf(tx.session()) instanceof PostgreSQLDialect;
    }

    /** The claimable rows, locked, skipping those another worker is claiming right now. */
    private List<Long> lockedCandidates(Collection<String> channels, Instant now, int limit) {
        List<?> rows = InList.bind(tx.session().createNativeQuery(InList.expand("select id from crm_notice_delivery"
                + " where state = 'PENDING' and (lease_until is null or lease_until <= :now) and channel in (:channels)"
                + " order by id limit :limit for update skip locked", "channels", channels), Object.class),
                "channels", channels)
                .setParameter("now", now).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(id -> ((Number) id).longValue()).toList();
    }

    @Override
    public Set<Long> finish(List<DeliveryResult> results, String token, Instant at) {
        if (results.isEmpty()) {
            return Set.of();
        }
        Map<Long, DeliveryResult> byId = new LinkedHashMap<>();
        results.forEach(r -> byId.put(r.id(), r));
        // locked, so that no worker takes them over between this read and the commit
        List<NoticeDeliveryEntity> held = InList.bind(tx.writing().createSelectionQuery(InList.expand(
                "from NoticeDelivery d where d.id in :ids and d.claimToken = :token", "ids", byId.keySet()),
                NoticeDeliveryEntity.class), "ids", byId.keySet()).setParameter("token", token)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Set<Long> recorded = new LinkedHashSet<>();
        for (NoticeDeliveryEntity d : held) {
            DeliveryResult result = byId.get(d.id);
            boolean failed = result.state() == DeliveryState.PENDING || result.state() == DeliveryState.FAILED;
            d.state = result.state();
            d.attempts += failed ? 1 : 0;
            d.claimToken = null;
            d.leaseUntil = result.retryAt();
            d.sentAt = result.state() == DeliveryState.SENT ? at : null;
            d.lastError = result.error();
            recorded.add(d.id);
        }
        return recorded;
    }

    @Override
    public void putInInbox(Collection<Long> noticeIds, Instant at) {
        if (noticeIds.isEmpty()) {
            return;
        }
        InList.bind(tx.writing().createMutationQuery(InList.expand(
                "update Notice n set n.inboxAt = :at where n.id in :ids and n.inboxAt is null", "ids", noticeIds)),
                "ids", noticeIds).setParameter("at", at).executeUpdate();
    }

    @Override
    public Optional<Notice> find(long id, String recipientId) {
        return tx.session().createSelectionQuery("from Notice n where n.id = :id and n.recipientId = :recipient"
                        + " and n.inboxAt is not null", NoticeEntity.class)
                .setParameter("id", id).setParameter("recipient", recipientId)
                .getResultList().stream().findFirst().map(NoticeEntity::toNotice);
    }

    @Override
    public List<Notice> inbox(String recipientId, Keyset after, int limit) {
        SelectionQuery<NoticeEntity> query = tx.session().createSelectionQuery("from Notice n"
                + " where n.recipientId = :recipient and n.inboxAt is not null"
                + (after == null ? "" : " and (n.inboxAt < :at or (n.inboxAt = :at and n.id < :id))")
                + " order by n.inboxAt desc, n.id desc" + Limits.literal(limit), NoticeEntity.class)
                .setParameter("recipient", recipientId);
        if (after != null) {
            query.setParameter("at", (Instant) after.sortValue()).setParameter("id", after.id());
        }
        return query.getResultList().stream().map(NoticeEntity::toNotice).toList();
    }

    @Override
    public long unreadCount(String recipientId) {
        return tx.session().createSelectionQuery("select count(n) from Notice n where n.recipientId = :recipient"
                + " and n.inboxAt is not null and n.readAt is null", Long.class)
                .setParameter("recipient", recipientId).getSingleResult();
    }

    @Override
    public boolean markRead(long id, String recipientId, Instant readAt) {
        String own = " where n.id = :id and n.recipientId = :recipient and n.inboxAt is not null";
        if (readAt != null) {
            tx.writing().createMutationQuery("update Notice n set n.readAt = :at" + own + " and n.readAt is null")
                    .setParameter("at", readAt).setParameter("id", id).setParameter("recipient", recipientId)
                    .executeUpdate();
        } else {
            tx.writing().createMutationQuery("update Notice n set n.readAt = null" + own)
                    .setParameter("id", id).setParameter("recipient", recipientId).executeUpdate();
        }
        return !tx.session().createSelectionQuery("select n.id from Notice n" + own, Long.class)
                .setParameter("id", id).setParameter("recipient", recipientId).getResultList().isEmpty();
    }

    @Override
    public int readdress(long customerId, String fromRecipient, String toRecipient) {
        tx.flush();
        // the former owner's copies of notices the new owner has already go, with their deliveries
        String twins = "select n.id from crm_notice n where n.customer_id = :customer and n.recipient_id = :from"
                + " and exists (select 1 from crm_notice t where t.notice_key = n.notice_key and t.recipient_id = :to)";
        readdressing("delete from crm_notice_delivery where notice_id in (" + twins + ")", customerId, fromRecipient,
                toRecipient);
        int removed = readdressing("delete from crm_notice where id in (select x.id from (" + twins + ") x)",
                customerId, fromRecipient, toRecipient);
        int moved = readdressing("update crm_notice set recipient_id = :to"
                + " where customer_id = :customer and recipient_id = :from", customerId, fromRecipient, toRecipient);
        tx.session().clear();
        return removed + moved;
    }

    private int readdressing(String sql, long customerId, String from, String to) {
        var statement = tx.writing().createNativeMutationQuery(sql).setParameter("customer", customerId)
                .setParameter("from", from);
        if (sql.contains(":to")) {
            statement.setParameter("to", to);
        }
        return statement.executeUpdate();
    }
}
