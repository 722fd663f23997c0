package org.crm4j.persistence.jpa;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.RequestStatus;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.store.LateRequestsRow;
import org.crm4j.store.OwnerCount;
import org.crm4j.store.ServiceStandardRow;
import org.crm4j.store.ServiceStandardStore;
import org.crm4j.store.Visibility;
import org.hibernate.query.SelectionQuery;

/**
 * Service standards in the JPA store, and their checks: each check is one {@code GROUP BY} over
 * the owners the actor may see; the contact check finds the customers without contact by two
 * anti-joins ({@code not exists}) on their activities and answered requests.
 */
final class JpaServiceStandardStore implements ServiceStandardStore {
    private final JpaTransaction tx;

    JpaServiceStandardStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public List<ServiceStandardRow> all() {
        return tx.session().createSelectionQuery("from ServiceStandard s", ServiceStandardEntity.class)
                .getResultList().stream().map(ServiceStandardEntity::toRow).toList();
    }

    @Override
    public long put(ServiceStandardRow standard) {
        Optional<ServiceStandardEntity> kept = find(standard.kind(), standard.scope());
        ServiceStandardEntity entity = kept.orElseGet(() -> ServiceStandardEntity.of(standard));
        if (kept.isPresent()) {
            entity.limit = standard.limit();
        } else {
            tx.writing().persist(entity);
        }
        tx.flush();
        return entity.id;
    }

    @Override
    public OptionalLong remove(String kind, String scope) {
        Optional<ServiceStandardEntity> kept = find(kind, scope);
        if (kept.isEmpty()) {
            return OptionalLong.empty();
        }
        tx.writing().remove(kept.get());
        tx.flush();
        return OptionalLong.of(kept.get().id);
    }

    private Optional<ServiceStandardEntity> find(String kind, String scope) {
        return tx.session().createSelectionQuery("from ServiceStandard s where s.kind = :kind and s.scope = :scope",
                ServiceStandardEntity.class).setParameter("kind", kind).setParameter("scope", scope)
                .getResultList().stream().findFirst();
    }

    @Override
    public List<OwnerCount> uncontacted(String rating, Set<String> ratedApart, Set<ActivityType> contactTypes,
            Instant since, Instant asOf, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        String hql = "select c.ownerId, count(c) from Customer c"
                + " where c.status = :active and c.createdAt <= :since"
                + (rating != null ? " and c.rating = :rating"
                        : ratedApart.isEmpty() ? "" : " and (c.rating is null or c.rating not in :apart)")
                + " and " + ntk.user("c.ownerId")
                + " and not exists (select 1 from Activity a where a.customerId = c.id and a.status = :done"
                + " and a.type in :types and a.startsAt >= :since and a.startsAt <= :asOf)"
                + " and not exists (select 1 from Request r join Activity ra on ra.id = r.activityId"
                + " where ra.customerId = c.id and r.answeredAt >= :since and r.answeredAt <= :asOf)"
                + " group by c.ownerId";
        Map<String, Object> lists = new HashMap<>();
        lists.put("types", contactTypes);
        if (rating == null && !ratedApart.isEmpty()) {
            lists.put("apart", ratedApart);
        }
        SelectionQuery<Object[]> query = ntk.select(hql, Object[].class, lists)
                .setParameter("active", CustomerStatus.ACTIVE).setParameter("since", since)
                .setParameter("asOf", asOf).setParameter("done", ActivityStatus.DONE);
        if (rating != null) {
            query.setParameter("rating", rating);
        }
        return counts(query);
    }

    @Override
    public List<LateRequestsRow> lateRequests(Instant since, Instant asOf, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        SelectionQuery<Object[]> query = ntk.select("select a.ownerId,"
                + " sum(case when r.status = :open then 0 else 1 end),"
                + " sum(case when r.status = :open then 1 else 0 end)"
                + " from Request r join Activity a on a.id = r.activityId"
                + " where r.dueAt >= :since and r.dueAt < :asOf and (r.status = :open or r.answeredAt > r.dueAt)"
                + " and " + ntk.user("a.ownerId")
                + " group by a.ownerId", Object[].class)
                .setParameter("open", RequestStatus.OPEN).setParameter("since", since).setParameter("asOf", asOf);
        return query.getResultList().stream().map(r -> new LateRequestsRow((String) r[0], ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue())).toList();
    }

    @Override
    public List<OwnerCount> loggedLate(ActivityType type, int hours, Instant since, Instant asOf,
            Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        SelectionQuery<Object[]> query = ntk.select("select a.ownerId, count(a)"
                + " from Activity a where a.type = :type and a.endsAt >= :since and a.endsAt < :asOf"
                + " and ((coalesce(a.doneAt, :asOf) - a.endsAt) by nanosecond) > :limit"
                + " and " + ntk.user("a.ownerId")
                + " group by a.ownerId", Object[].class)
                .setParameter("type", type).setParameter("since", since).setParameter("asOf", asOf)
                .setParameter("limit", Duration.ofHours(hours).toNanos());
        return counts(query);
    }

    private static List<OwnerCount> counts(SelectionQuery<Object[]> query) {
        return query.getResultList().stream().map(r -> new OwnerCount((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }
}
