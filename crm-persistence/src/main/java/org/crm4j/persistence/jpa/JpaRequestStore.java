package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.store.RequestRecord;
import org.crm4j.activity.RequestStatus;
import org.crm4j.store.EscalationRow;
import org.crm4j.store.Keyset;
import org.crm4j.store.RequestStore;
import org.crm4j.store.StoredRequest;
import org.crm4j.store.Visibility;
import org.hibernate.query.SelectionQuery;

/**
 * Requests in the JPA store. A request is read in two selects: its state (joined to its activity
 * for need-to-know, keyset-paged for the overdue list), then the activities with their
 * participants. The escalation level moves only by conditional bulk updates, which leave the
 * version alone.
 */
final class JpaRequestStore implements RequestStore {
    private static final String VISIBLE_REQUEST = "select r from Request r join Activity a on a.id = r.activityId";

    private final JpaTransaction tx;

    JpaRequestStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public RequestRecord insert(RequestRecord request) {
        RequestEntity entity = RequestEntity.of(request);
        tx.writing().persist(entity);
        tx.flush();
        return request.withIdentity(entity.activityId, entity.version);
    }

    @Override
    public RequestRecord update(RequestRecord request) {
        RequestEntity entity = tx.writing().find(RequestEntity.class, request.activityId());
        long version = tx.updateVersioned(entity, "request " + request.activityId(), request.version(),
                e -> e.version, e -> e.copyFrom(request), tx::flush);
        return request.withIdentity(request.activityId(), version);
    }

    @Override
    public Optional<StoredRequest> find(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        SelectionQuery<RequestEntity> query = ntk.select(VISIBLE_REQUEST
                + " where r.activityId = :id" + " and " + ntk.record("a.customerId", "a.ownerId"),
                RequestEntity.class).setParameter("id", id);
        return withActivities(query.getResultList()).stream().findFirst();
    }

    @Override
    public List<StoredRequest> findAll(List<Long> ids, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing() || ids.isEmpty()) {
            return List.of();
        }
        Map<Long, StoredRequest> found = new java.util.HashMap<>();
        for (StoredRequest r : withActivities(ntk.select(VISIBLE_REQUEST + " where r.activityId in :ids and "
                + ntk.record("a.customerId", "a.ownerId"), RequestEntity.class, Map.of("ids", ids)).getResultList())) {
            found.put(r.request().activityId(), r);
        }
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select r.activityId from Request r where r.activityId = :id",
                Long.class).setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public Optional<StoredRequest> bySource(String sourceSystem, String sourceId) {
        return withActivities(tx.session().createSelectionQuery("from Request r where r.sourceSystem = :system"
                + " and r.sourceId = :id", RequestEntity.class).setParameter("system", sourceSystem)
                .setParameter("id", sourceId).getResultList()).stream().findFirst();
    }

    @Override
    public List<StoredRequest> overdue(Instant now, Visibility visibility, Keyset after, int limit) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        SelectionQuery<RequestEntity> query = ntk.select(VISIBLE_REQUEST
                + " where r.status = :open and r.dueAt < :now"
                + (after == null ? "" : " and (r.dueAt, r.activityId) > (:afterDue, :afterId)")
                + " and " + ntk.record("a.customerId", "a.ownerId")
                + " order by r.dueAt, r.activityId" + Limits.literal(limit), RequestEntity.class)
                .setParameter("open", RequestStatus.OPEN).setParameter("now", now);
        if (after != null) {
            query.setParameter("afterDue", (Instant) after.sortValue()).setParameter("afterId", after.id());
        }
        return withActivities(query.getResultList());
    }

    @Override
    public List<EscalationRow> toEscalate(Instant now, int limit) {
        return tx.session().createSelectionQuery("select r.activityId, a.customerId, a.ownerId, a.outcome,"
                + " r.escalationLevel, r.dueAt, r.escalateAt from Request r join Activity a on a.id = r.activityId"
                + " where r.status = :open and ((r.escalationLevel = 0 and r.dueAt < :now)"
                + " or (r.escalationLevel = 1 and r.escalateAt < :now))"
                + " order by r.dueAt, r.activityId", Object[].class)
                .setParameter("open", RequestStatus.OPEN).setParameter("now", now).setMaxResults(limit)
                .getResultList().stream().map(r -> new EscalationRow((Long) r[0], (Long) r[1], (String) r[2],
                        (String) r[3], (Integer) r[4], (Instant) r[5], (Instant) r[6])).toList();
    }

    /** A conditional bulk update: the database decides which of two concurrent claims moves the level. */
    @Override
    public boolean claimEscalation(long id, int from, int to) {
        tx.flush();
        return tx.writing().createMutationQuery("update Request r set r.escalationLevel = :to"
                + " where r.activityId = :id and r.escalationLevel = :from and r.status = :open")
                .setParameter("to", to).setParameter("id", id).setParameter("from", from)
                .setParameter("open", RequestStatus.OPEN).executeUpdate() == 1;
    }

    @Override
    public void resetEscalation(long id) {
        tx.flush();
        tx.writing().createMutationQuery("update Request r set r.escalationLevel = 0 where r.activityId = :id")
                .setParameter("id", id).executeUpdate();
    }

    /** The requests with their activities, in the requests' order. */
    private List<StoredRequest> withActivities(List<RequestEntity> requests) {
        Map<Long, ActivityRecord> activities = JpaActivityStore.byIds(tx.session(),
                requests.stream().map(r -> r.activityId).toList());
        return requests.stream().map(r -> new StoredRequest(activities.get(r.activityId), r.toRecord())).toList();
    }
}
