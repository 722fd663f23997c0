package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.store.FirstContactRecord;
import org.crm4j.activity.ScheduleCount;
import org.crm4j.store.ActivityStore;
import org.crm4j.store.FirstContactCountRow;
import org.crm4j.store.FirstContactSelection;
import org.crm4j.store.Keyset;
import org.crm4j.store.ScheduleSelection;
import org.crm4j.store.Visibility;
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
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        SelectionQuery<ActivityEntity> query = ntk.select(WITH_PARTICIPANTS + " where a.id = :id and "
                + ntk.record("a.customerId", "a.ownerId"), ActivityEntity.class).setParameter("id", id);
        return query.getResultList().stream().findFirst().map(ActivityEntity::toRecord);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select a.id from Activity a where a.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<ActivityRecord> ofCustomer(long customerId, Visibility visibility, Keyset after, int limit) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        // the page's ids first (a fetch join cannot be limited), then the page with its participants
        SelectionQuery<Long> ids = ntk.select("select a.id from Activity a"
                + " where a.customerId = :customer"
                + (after == null ? "" : " and (a.startsAt < :start or (a.startsAt = :start and a.id < :id))")
                + " and " + ntk.recordOf("a.ownerId", "customer")
                + " order by a.startsAt desc, a.id desc" + Limits.literal(limit), Long.class)
                .setParameter("customer", customerId);
        if (after != null) {
            ids.setParameter("start", (Instant) after.sortValue()).setParameter("id", after.id());
        }
        List<Long> page = ids.getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        return withParticipants(page, " order by a.startsAt desc, a.id desc");
    }

    /** The second step of a page: its activities with their participants, in the page's order. */
    private List<ActivityRecord> withParticipants(List<Long> page, String orderBy) {
        return InList.bind(tx.session().createSelectionQuery(InList.expand(WITH_PARTICIPANTS + " where a.id in :ids"
                + orderBy, "ids", page), ActivityEntity.class), "ids", page)
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
        return InList.bind(session.createSelectionQuery(InList.expand(WITH_PARTICIPANTS + " where a.id in :ids",
                        "ids", ids), ActivityEntity.class), "ids", ids).getResultList().stream()
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

    @Override
    public List<ActivityRecord> schedule(ScheduleSelection selection, Visibility visibility, Keyset after, int limit) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        // the page's ids by keyset in the row-value form, then the page with its participants
        String hql = "select a.id from Activity a"
                + " where a.startsAt >= :from and a.startsAt < :to and a.status in :statuses"
                + (after == null ? "" : " and (a.startsAt, a.id) > (:start, :id)")
                + (selection.ownerIds() == null ? "" : " and a.ownerId in :whose")
                + " and " + ntk.record("a.customerId", "a.ownerId")
                + " order by a.startsAt, a.id" + Limits.literal(limit);
        SelectionQuery<Long> ids = ntk.select(hql, Long.class, selectionParameters(selection))
                .setParameter("from", selection.from()).setParameter("to", selection.to());
        if (after != null) {
            ids.setParameter("start", (Instant) after.sortValue()).setParameter("id", after.id());
        }
        List<Long> page = ids.getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        return withParticipants(page, " order by a.startsAt, a.id");
    }

    @Override
    public List<ScheduleCount> scheduleCounts(ScheduleSelection selection, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        String hql = "select a.ownerId,"
                + " sum(case when a.status = :planned then 1 else 0 end),"
                + " sum(case when a.status = :done then 1 else 0 end) from Activity a"
                + " where a.startsAt >= :from and a.startsAt < :to and a.status in :statuses"
                + (selection.ownerIds() == null ? "" : " and a.ownerId in :whose")
                + " and " + ntk.record("a.customerId", "a.ownerId")
                + " group by a.ownerId order by a.ownerId";
        SelectionQuery<Object[]> query = ntk.select(hql, Object[].class, selectionParameters(selection))
                .setParameter("planned", ActivityStatus.PLANNED).setParameter("done", ActivityStatus.DONE)
                .setParameter("from", selection.from()).setParameter("to", selection.to());
        return query.getResultList().stream().map(r -> new ScheduleCount((String) r[0],
                ((Number) r[1]).longValue(), ((Number) r[2]).longValue())).toList();
    }

    /**
     * One aggregate over the ledger: the period is the index of the boundary interval the contact
     * falls in (a searched case over the boundaries, which the report computed in its zone), and a
     * contact counts as followed by a deal when the customer has one owned by the salesperson,
     * opened in the window after it.
     */
    @Override
    public List<FirstContactCountRow> firstContactCounts(FirstContactSelection selection, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        List<Instant> bounds = selection.boundaries();
        int last = bounds.size() - 1;
        StringBuilder period = new StringBuilder();
        if (last == 1) {
            period.append("0");
        } else {
            period.append("case");
            for (int i = 1; i < last; i++) {
                period.append(" when f.at < :b").append(i).append(" then ").append(i - 1);
            }
            period.append(" else ").append(last - 1).append(" end");
        }
        // the period is computed once, in a derived table, so that the grouping needs no parameters;
        // the window is a number of seconds written into the statement (HQL adds no parameter of
        // type Duration to an instant)
        String hql = "select x.salesperson, x.period, x.kind, count(*), sum(x.followed) from"
                + " (select f.salespersonId salesperson, " + period + " period, f.kind kind,"
                + " case when exists (select o.id from Opportunity o where o.customerId = f.customerId"
                + " and o.ownerId = f.salespersonId and o.createdAt >= f.at"
                + " and o.createdAt < f.at + " + selection.dealWindow().toSeconds() + " second) then 1 else 0 end followed"
                + " from FirstContact f where f.at >= :b0 and f.at < :b" + last
                + " and " + ntk.record("f.customerId", "f.salespersonId") + ") x"
                + " group by x.salesperson, x.period, x.kind";
        SelectionQuery<Object[]> query = ntk.select(hql, Object[].class);
        for (int i = 0; i <= last; i++) {
            query.setParameter("b" + i, bounds.get(i));
        }
        return query.getResultList().stream().map(r -> new FirstContactCountRow((String) r[0],
                ((Number) r[1]).intValue(), (FirstContactKind) r[2], ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue())).toList();
    }

    /** The list parameters of a schedule's selection: its statuses, and whose activities when it names them. */
    private static Map<String, Object> selectionParameters(ScheduleSelection selection) {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("statuses", selection.statuses());
        if (selection.ownerIds() != null) {
            parameters.put("whose", selection.ownerIds());
        }
        return parameters;
    }

    @Override
    public List<Long> reassignPlanned(long customerId, String toOwner) {
        return tx.reassign("Activity", java.util.Set.of(ActivityStatus.PLANNED), customerId, toOwner);
    }
}
