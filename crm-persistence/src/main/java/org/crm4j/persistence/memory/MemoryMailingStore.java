package org.crm4j.persistence.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crm4j.ConflictException;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.Consent;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.Purpose;
import org.crm4j.mailing.store.MailingRecord;
import org.crm4j.mailing.store.RecipientRecord;
import org.crm4j.mailing.RecipientStatus;
import org.crm4j.store.MailingStore;
import org.crm4j.store.RecipientCandidate;
import org.crm4j.store.RecipientCount;
import org.crm4j.store.Visibility;

/** Mailings and their recipients, in the same transaction; one recipient per mailing and key. */
final class MemoryMailingStore extends MemoryFeatureStore implements MailingStore {
    MemoryMailingStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public MailingRecord insert(MailingRecord mailing) {
        checkWritable();
        MailingRecord stored = mailing.withIdentity(newId(), 0);
        put(data.mailings, stored.id(), stored);
        return stored;
    }

    @Override
    public MailingRecord update(MailingRecord mailing) {
        return replaceVersioned(data.mailings, mailing.id(), mailing.version(), MailingRecord::version,
                "mailing " + mailing.id(), next -> mailing.withIdentity(mailing.id(), next));
    }

    @Override
    public Optional<MailingRecord> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.mailings.get(id)).filter(m -> needToKnow.user(visibility, m.ownerId()));
    }

    @Override
    public boolean exists(long id) {
        return data.mailings.containsKey(id);
    }

    @Override
    public List<RecipientCandidate> candidates(Collection<Long> customerIds, Purpose purpose) {
        Set<Long> wanted = new HashSet<>(customerIds);
        return data.contacts.values().stream().filter(c -> wanted.contains(c.customerId()))
                .sorted(Comparator.comparingLong(ContactRecord::customerId).thenComparingLong(ContactRecord::id))
                .map(c -> {
                    CustomerRecord customer = data.customers.get(c.customerId());
                    String email = c.channels().stream().filter(ch -> ch.type() == ChannelType.EMAIL)
                            .map(ContactChannel::value).findFirst().orElse(null);
                    Consent consent = data.consents.get(List.of(c.id(), purpose.code()));
                    return new RecipientCandidate(c.id(), c.customerId(), customer.name(), customer.ownerId(),
                            c.name(), email, consent == null ? null : consent.status(),
                            data.unsubscriptions.containsKey(c.id()));
                }).toList();
    }

    @Override
    public Set<String> existingKeys(long mailingId, Collection<String> keys) {
        Set<String> found = new HashSet<>();
        for (String key : keys) {
            if (data.recipientKeys.containsKey(List.of(mailingId, key))) {
                found.add(key);
            }
        }
        return found;
    }

    @Override
    public void insertRecipients(List<RecipientRecord> list) {
        checkWritable();
        for (RecipientRecord r : list) {
            List<Object> key = List.of(r.mailingId(), r.recipientKey());
            if (data.recipientKeys.containsKey(key)) {
                throw new ConflictException("a recipient of the mailing was written by a concurrent sending run");
            }
            RecipientRecord stored = r.withId(newId());
            put(data.recipientKeys, key, stored.id());
            put(data.recipients, stored.id(), stored);
        }
    }

    @Override
    public List<RecipientRecord> claim(long mailingId, String token, Instant now, Instant staleBefore,
            int limit) {
        checkWritable();
        List<RecipientRecord> claimed = data.recipients.values().stream().filter(r -> r.mailingId() == mailingId)
                .filter(r -> r.status() == RecipientStatus.PENDING || r.status() == RecipientStatus.FAILED
                        || r.status() == RecipientStatus.CLAIMED && r.claimedAt().isBefore(staleBefore))
                .limit(limit)
                .map(r -> change(r, RecipientStatus.CLAIMED, r.attempts(), r.lastError(), token, now, null, null))
                .toList();
        claimed.forEach(r -> put(data.recipients, r.id(), r));
        return claimed;
    }

    @Override
    public boolean markSent(long recipientId, String token, Instant at, Long activityId) {
        RecipientRecord r = data.recipients.get(recipientId);
        if (r == null || r.status() != RecipientStatus.CLAIMED || !token.equals(r.claimToken())) {
            return false;
        }
        put(data.recipients, r.id(), change(r, RecipientStatus.SENT, r.attempts(), r.lastError(), null,
                r.claimedAt(), at, activityId));
        return true;
    }

    @Override
    public void markFailed(long recipientId, String token, String error) {
        RecipientRecord r = data.recipients.get(recipientId);
        if (r != null && r.status() == RecipientStatus.CLAIMED && token.equals(r.claimToken())) {
            put(data.recipients, r.id(), change(r, RecipientStatus.FAILED, r.attempts() + 1, error, null, null, null,
                    null));
        }
    }

    @Override
    public void release(long mailingId, String token) {
        List<RecipientRecord> held = data.recipients.values().stream()
                .filter(r -> r.mailingId() == mailingId && r.status() == RecipientStatus.CLAIMED
                        && token.equals(r.claimToken())).toList();
        held.forEach(r -> put(data.recipients, r.id(), change(r, RecipientStatus.PENDING, r.attempts(),
                r.lastError(), null, null, null, null)));
    }

    @Override
    public List<RecipientCount> counts(long mailingId) {
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        data.recipients.values().stream().filter(r -> r.mailingId() == mailingId).forEach(r -> counts.merge(
                java.util.Arrays.asList(r.status(), r.skipReason()), 1L, Long::sum));
        List<RecipientCount> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new RecipientCount((RecipientStatus) k.get(0),
                (org.crm4j.mailing.SkipReason) k.get(1), n)));
        return out;
    }

    private RecipientRecord change(RecipientRecord r, RecipientStatus status, int attempts, String error,
            String token, Instant claimedAt, Instant sentAt, Long activityId) {
        return new RecipientRecord(r.id(), r.mailingId(), r.recipientKey(), r.contactId(), r.customerId(),
                r.customerName(), r.customerOwnerId(), r.userId(), r.name(), r.email(), status, r.skipReason(),
                attempts, error, token, claimedAt, sentAt, activityId);
    }
}
