package org.crm4j.persistence.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crm4j.ConflictException;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.store.RequestRecord;
import org.crm4j.activity.RequestStatus;
import org.crm4j.store.EscalationRow;
import org.crm4j.store.Keyset;
import org.crm4j.store.RequestStore;
import org.crm4j.store.StoredRequest;
import org.crm4j.store.Visibility;

/**
 * Requests, in the same transaction; a source id is taken by one request, as the
 * database's unique rule.
 */
final class MemoryRequestStore extends MemoryFeatureStore implements RequestStore {
    private static final Comparator<RequestRecord> EARLIEST_DUE = Comparator
            .comparing(RequestRecord::dueAt).thenComparingLong(RequestRecord::activityId);

    MemoryRequestStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public RequestRecord insert(RequestRecord request) {
        checkWritable();
        if (bySource(request.sourceSystem(), request.sourceId()).isPresent()) {
            throw new ConflictException("a request with this source id was received already (received at"
                    + " the same time)");
        }
        RequestRecord stored = request.withIdentity(request.activityId(), 0);
        put(data.requests, stored.activityId(), stored);
        return stored;
    }

    @Override
    public RequestRecord update(RequestRecord request) {
        long id = request.activityId();
        return replaceVersioned(data.requests, id, request.version(), RequestRecord::version, "request " + id,
                next -> request.withIdentity(id, next).escalatedTo(data.requests.get(id).escalationLevel()));
    }

    @Override
    public Optional<StoredRequest> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.requests.get(id)).map(this::stored)
                .filter(r -> needToKnow.record(visibility, r.activity().customerId(), r.activity().ownerId()));
    }

    @Override
    public boolean exists(long id) {
        return data.requests.containsKey(id);
    }

    @Override
    public Optional<StoredRequest> bySource(String sourceSystem, String sourceId) {
        if (sourceSystem == null) {
            return Optional.empty();
        }
        return data.requests.values().stream().filter(r -> sourceSystem.equals(r.sourceSystem())
                && sourceId.equals(r.sourceId())).findFirst().map(this::stored);
    }

    @Override
    public List<StoredRequest> overdue(Instant now, Visibility visibility, Keyset after, int limit) {
        return data.requests.values().stream()
                .filter(r -> r.status() == RequestStatus.OPEN && r.dueAt().isBefore(now))
                .filter(r -> after == null || r.dueAt().isAfter((Instant) after.sortValue())
                        || r.dueAt().equals(after.sortValue()) && r.activityId() > after.id())
                .sorted(EARLIEST_DUE).map(this::stored)
                .filter(r -> needToKnow.record(visibility, r.activity().customerId(), r.activity().ownerId()))
                .limit(limit).toList();
    }

    @Override
    public List<EscalationRow> toEscalate(Instant now, int limit) {
        return data.requests.values().stream().filter(r -> r.status() == RequestStatus.OPEN
                && (r.escalationLevel() == 0 && r.dueAt().isBefore(now)
                        || r.escalationLevel() == 1 && r.escalateAt().isBefore(now)))
                .sorted(EARLIEST_DUE).limit(limit).map(r -> {
                    ActivityRecord a = data.activities.get(r.activityId());
                    return new EscalationRow(r.activityId(), a.customerId(), a.ownerId(), a.outcome(),
                            r.escalationLevel(), r.dueAt(), r.escalateAt());
                }).toList();
    }

    @Override
    public boolean claimEscalation(long id, int from, int to) {
        RequestRecord r = data.requests.get(id);
        if (r == null || r.status() != RequestStatus.OPEN || r.escalationLevel() != from) {
            return false;
        }
        put(data.requests, id, r.escalatedTo(to));
        return true;
    }

    @Override
    public void resetEscalation(long id) {
        RequestRecord r = data.requests.get(id);
        if (r != null) {
            put(data.requests, id, r.escalatedTo(0));
        }
    }

    private StoredRequest stored(RequestRecord r) {
        return new StoredRequest(data.activities.get(r.activityId()), r);
    }
}
