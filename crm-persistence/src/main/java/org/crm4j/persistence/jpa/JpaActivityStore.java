package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crm4j.activity.ActivityRecord;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.FirstContactRecord;
import org.crm4j.spi.ActivityStore;
import org.crm4j.spi.Keyset;
import org.crm4j.spi.Visibility;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * Activities and the first-contact ledger in the JPA store. An activity is read with its
 * colleagues and contact persons in one select; a page of a customer's activities takes two (the
 * page's ids by keyset, then those activities).
 */
final class JpaActivityStore implements ActivityStore {
    private static final String WITH_PARTICIPANTS =
            "select distinct a from Activity a left join fetch a.colleagueIds left join fetch a.contactIds";

    private final JpaTransaction tx;

    JpaActivityStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public ActivityRecord insert(ActivityRecord activity) {
        ActivityEntity entity = ActivityEntity.of(activity);
        tx.writing().persist(entity);
        tx.flush();
        return activity.withIdentity(entity.id, entity.version);
    }

    @Override
    public ActivityRecord update(ActivityRecord activity) {
        ActivityEntity entity = tx.writing().find(ActivityEntity.class, activity.id());
        long version = tx.updateVersioned(entity, "activity " + activity.id(), activity.version(), e -> e.version,
                e -> e.copyFrom(activity), tx::flush);
        return activity.withIdentity(activity.id(), version);
    }

    @Override
    public Optional<ActivityRecord> find(long id, Visibility visibility) {
        if (!visibility.all() && visibility.owners().isEmpty()) {
            return Optional.empty();
        }
        SelectionQuery<ActivityEntity> query = tx.session().createSelectionQuery(WITH_PARTICIPANTS
                + " where a.id = :id" + (visibility.all() ? "" : " and a.ownerId in :owners"), ActivityEntity.class)
                .setParameter("id", id);
        if (!visibility.all()) {
            query.setParameterList("owners", visibility.owners());
        }
        return query.getResultList().stream().findFirst().map(ActivityEntity::toRecord);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select a.id from Activity a where a.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<ActivityRecord> ofCustomer(long customerId, Visibility visibility, Keyset after, int limit) {
        if (!visibility.all() && visibility.owners().isEmpty()) {
            return List.of();
        }
        // the page's ids first (a fetch join cannot be limited), then the page with its participants
        SelectionQuery<Long> ids = tx.session().createSelectionQuery("select a.id from Activity a"
                + " where a.customerId = :customer"
                + (after == null ? "" : " and (a.startsAt < :start or (a.startsAt = :start and a.id < :id))")
                + (visibility.all() ? "" : " and a.ownerId in :owners")
                + " order by a.startsAt desc, a.id desc", Long.class)
                .setParameter("customer", customerId).setMaxResults(limit);
        if (after != null) {
            ids.setParameter("start", (Instant) after.sortValue()).setParameter("id", after.id());
        }
        if (!visibility.all()) {
            ids.setParameterList("owners", visibility.owners());
        }
        List<Long> page = ids.getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        return tx.session().createSelectionQuery(WITH_PARTICIPANTS + " where a.id in :ids"
                + " order by a.startsAt desc, a.id desc", ActivityEntity.class).setParameterList("ids", page)
                .getResultList().stream().map(ActivityEntity::toRecord).toList();
    }

    /**
     * @param session the transaction's session
     * @param ids activities
     * @return those that exist, with their participants, by id; in one select
     */
    static Map<Long, ActivityRecord> byIds(Session session, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return session.createSelectionQuery(WITH_PARTICIPANTS + " where a.id in :ids", ActivityEntity.class)
                .setParameterList("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(a -> a.id, ActivityEntity::toRecord));
    }

    @Override
    public Optional<FirstContactRecord> firstContact(String salespersonId, long customerId, FirstContactKind kind) {
        return tx.session().createSelectionQuery("from FirstContact f where f.salespersonId = :salesperson"
                + " and f.customerId = :customer and f.kind = :kind", FirstContactEntity.class)
                .setParameter("salesperson", salespersonId).setParameter("customer", customerId)
                .setParameter("kind", kind).getResultList().stream().findFirst().map(FirstContactEntity::toRecord);
    }

    @Override
    public void recordFirstContact(FirstContactRecord entry) {
        tx.writing().persist(FirstContactEntity.of(entry));
        tx.flush();
    }
}
