package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crm4j.customer.ConsentStatus;
import org.crm4j.customer.Purpose;
import org.crm4j.mailing.store.MailingRecord;
import org.crm4j.mailing.store.RecipientRecord;
import org.crm4j.mailing.RecipientStatus;
import org.crm4j.mailing.SkipReason;
import org.crm4j.store.MailingStore;
import org.crm4j.store.RecipientCandidate;
import org.crm4j.store.RecipientCount;
import org.crm4j.store.Visibility;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.SelectionQuery;

/**
 * Mailings and their recipients in the JPA store. A recipient changes only through conditional
 * bulk updates ({@code ... where status = 'CLAIMED' and claim_token = :token}), so that the
 * database decides which of two concurrent runs holds it.
 */
final class JpaMailingStore implements MailingStore {
    /**
     * The contacts of some customers with their first e-mail address (lowest channel position),
     * their consent for the purpose and their unsubscription, in one statement.
     */
    private static final String CANDIDATES = "select ct.id, ct.customer_id, cu.name, cu.owner_id, ct.name,"
            + " (select ch.channel_value from crm_contact_channel ch where ch.contact_id = ct.id"
            + " and ch.channel_type = 'EMAIL' and ch.position = (select min(c2.position) from crm_contact_channel c2"
            + " where c2.contact_id = ct.id and c2.channel_type = 'EMAIL')),"
            + " k.status, case when u.contact_id is null then 0 else 1 end"
            + " from crm_contact ct join crm_customer cu on cu.id = ct.customer_id"
            + " left join crm_consent k on k.contact_id = ct.id and k.purpose = :purpose"
            + " left join crm_unsubscription u on u.contact_id = ct.id"
            + " where ct.customer_id in (:customers) order by ct.customer_id, ct.id";
    private static final String OPEN = "(r.status in (:open) or (r.status = :claimed and r.claimedAt < :stale))";
    /** The statuses of a recipient that a run may claim. */
    private static final List<RecipientStatus> OPEN_STATUSES = List.of(RecipientStatus.PENDING, RecipientStatus.FAILED);
    /** How often a claim is tried again when a concurrent run took every recipient it looked at. */
    private static final int CLAIM_ROUNDS = 20;

    private final JpaTransaction tx;

    JpaMailingStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public MailingRecord insert(MailingRecord mailing) {
        MailingEntity entity = MailingEntity.of(mailing);
        tx.writing().persist(entity);
        tx.flush();
        return mailing.withIdentity(entity.id, entity.version);
    }

    @Override
    public MailingRecord update(MailingRecord mailing) {
        MailingEntity entity = tx.writing().find(MailingEntity.class, mailing.id());
        long version = tx.updateVersioned(entity, "mailing " + mailing.id(), mailing.version(), e -> e.version,
                e -> e.copyFrom(mailing), tx::flush);
        return mailing.withIdentity(mailing.id(), version);
    }

    @Override
    public Optional<MailingRecord> find(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        SelectionQuery<MailingEntity> query = ntk.select("from Mailing m"
                + " where m.id = :id" + " and " + ntk.user("m.ownerId"), MailingEntity.class).setParameter("id", id);
        return query.getResultList().stream().findFirst().map(MailingEntity::toRecord);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select m.id from Mailing m where m.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<RecipientCandidate> candidates(Collection<Long> customerIds, Purpose purpose) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        NativeQuery<Object[]> q = tx.session().createNativeQuery(InList.expand(CANDIDATES, "customers", customerIds),
                        Object[].class)
                .addSynchronizedQuerySpace("crm_contact").addSynchronizedQuerySpace("crm_customer")
                .addSynchronizedQuerySpace("crm_contact_channel").addSynchronizedQuerySpace("crm_consent")
                .addSynchronizedQuerySpace("crm_unsubscription");
        q.setParameter("purpose", purpose.code());
        InList.bind(q, "customers", customerIds);
        return q.getResultList().stream().map(r -> new RecipientCandidate(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                r[6] == null ? null : ConsentStatus.valueOf(r[6].toString().strip()),
                ((Number) r[7]).intValue() == 1)).toList();
    }

    @Override
    public Set<String> existingKeys(long mailingId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(InList.bind(tx.session().createSelectionQuery(InList.expand("select r.recipientKey"
                + " from MailingRecipient r where r.mailingId = :mailing and r.recipientKey in :keys", "keys", keys),
                String.class), "keys", keys).setParameter("mailing", mailingId).getResultList());
    }

    @Override
    public void insertRecipients(List<RecipientRecord> recipients) {
        for (RecipientRecord r : recipients) {
            tx.writing().persist(MailingRecipientEntity.of(r));
        }
        tx.flush();
    }

    @Override
    public List<RecipientRecord> claim(long mailingId, String token, Instant now, Instant staleBefore, int limit) {
        for (int round = 0; round < CLAIM_ROUNDS; round++) {
            List<Long> ids = InList.bind(tx.session().createSelectionQuery(InList.expand("select r.id"
                    + " from MailingRecipient r where r.mailingId = :mailing and " + OPEN + " order by r.id", "open",
                    OPEN_STATUSES), Long.class), "open", OPEN_STATUSES)
                    .setParameter("mailing", mailingId)
                    .setParameter("claimed", RecipientStatus.CLAIMED).setParameter("stale", staleBefore)
                    .setMaxResults(limit).getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            int claimed = InList.bind(InList.bind(tx.writing().createMutationQuery(InList.expand(InList.expand(
                    "update MailingRecipient r set r.status = :claimed,"
                    + " r.claimToken = :token, r.claimedAt = :now where r.id in :ids and " + OPEN, "ids", ids),
                    "open", OPEN_STATUSES)), "ids", ids), "open", OPEN_STATUSES)
                    .setParameter("claimed", RecipientStatus.CLAIMED).setParameter("token", token)
                    .setParameter("now", now).setParameter("stale", staleBefore).executeUpdate();
            if (claimed > 0) {
                return InList.bind(tx.session().createSelectionQuery(InList.expand("from MailingRecipient r"
                        + " where r.id in :ids and r.claimToken = :token and r.status = :claimed order by r.id", "ids",
                        ids), MailingRecipientEntity.class), "ids", ids).setParameter("token", token)
                        .setParameter("claimed", RecipientStatus.CLAIMED).getResultList().stream()
                        .map(MailingRecipientEntity::toRecord).toList();
            }
            // a concurrent run claimed every one of them between the read and the update: look again
        }
        return List.of();
    }


    @Override
    public boolean markSent(long recipientId, String token, Instant at, Long activityId) {
        return tx.writing().createMutationQuery("update MailingRecipient r set r.status = :sent, r.sentAt = :at,"
                + " r.activityId = :activity, r.claimToken = null where r.id = :id and r.claimToken = :token"
                + " and r.status = :claimed").setParameter("sent", RecipientStatus.SENT).setParameter("at", at)
                .setParameter("activity", activityId).setParameter("id", recipientId).setParameter("token", token)
                .setParameter("claimed", RecipientStatus.CLAIMED).executeUpdate() == 1;
    }

    @Override
    public void markFailed(long recipientId, String token, String error) {
        tx.writing().createMutationQuery("update MailingRecipient r set r.status = :failed,"
                + " r.attempts = r.attempts + 1, r.lastError = :error, r.claimToken = null, r.claimedAt = null"
                + " where r.id = :id and r.claimToken = :token and r.status = :claimed")
                .setParameter("failed", RecipientStatus.FAILED).setParameter("error", error)
                .setParameter("id", recipientId).setParameter("token", token)
                .setParameter("claimed", RecipientStatus.CLAIMED).executeUpdate();
    }

    @Override
    public void release(long mailingId, String token) {
        tx.writing().createMutationQuery("update MailingRecipient r set r.status = :pending, r.claimToken = null,"
                + " r.claimedAt = null where r.mailingId = :mailing and r.claimToken = :token and r.status = :claimed")
                .setParameter("pending", RecipientStatus.PENDING).setParameter("mailing", mailingId)
                .setParameter("token", token).setParameter("claimed", RecipientStatus.CLAIMED).executeUpdate();
    }

    @Override
    public List<RecipientCount> counts(long mailingId) {
        return tx.session().createSelectionQuery("select r.status, r.skipReason, count(r) from MailingRecipient r"
                + " where r.mailingId = :mailing group by r.status, r.skipReason", Object[].class)
                .setParameter("mailing", mailingId).getResultList().stream()
                .map(r -> new RecipientCount((RecipientStatus) r[0], (SkipReason) r[1], ((Number) r[2]).longValue()))
                .toList();
    }
}
