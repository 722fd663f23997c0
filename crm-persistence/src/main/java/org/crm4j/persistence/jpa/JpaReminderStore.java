package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.store.DueReminder;
import org.crm4j.store.ReminderStore;

/**
 * Reminders in the JPA store. The due ones are found in one select (reminders of planned
 * activities without their notice yet, with the customer's name) and their activities in a second.
 */
final class JpaReminderStore implements ReminderStore {
    private final JpaTransaction tx;

    JpaReminderStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void set(long activityId, Instant remindAt) {
        ReminderEntity reminder = tx.writing().find(ReminderEntity.class, activityId);
        if (reminder == null) {
            tx.writing().persist(ReminderEntity.of(activityId, remindAt));
        } else {
            reminder.version++;
            reminder.remindAt = remindAt;
        }
        tx.flush();
    }

    @Override
    public void clear(long activityId) {
        ReminderEntity reminder = tx.writing().find(ReminderEntity.class, activityId);
        if (reminder != null) {
            tx.writing().remove(reminder);
            tx.flush();
        }
    }

    @Override
    public Optional<Instant> find(long activityId) {
        return tx.session().createSelectionQuery("select r.remindAt from Reminder r where r.activityId = :id",
                Instant.class).setParameter("id", activityId).getResultList().stream().findFirst();
    }

    @Override
    public List<DueReminder> due(Instant now, int limit) {
        List<Object[]> rows = tx.session().createSelectionQuery("select r.activityId, r.remindAt, r.version, c.name"
                + " from Reminder r join Activity a on a.id = r.activityId join Customer c on c.id = a.customerId"
                + " where r.remindAt <= :now and a.status = :planned and not exists (select 1 from Notice n"
                + " where n.key = concat('reminder:', cast(r.activityId as String), ':', cast(r.version as String)))"
                + " order by r.remindAt, r.activityId", Object[].class)
                .setParameter("now", now).setParameter("planned", ActivityStatus.PLANNED).setMaxResults(limit)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(row -> (Long) row[0]).toList();
        Map<Long, ActivityEntity> activities = InList.bind(tx.session().createSelectionQuery(InList.expand(
                "select distinct a from Activity a left join fetch a.colleagueIds left join fetch a.contactIds"
                + " where a.id in :ids", "ids", ids), ActivityEntity.class), "ids", ids).getResultList().stream()
                .collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<DueReminder> due = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            due.add(new DueReminder(activities.get((Long) row[0]).toRecord(), (Instant) row[1], (Long) row[2],
                    (String) row[3]));
        }
        return due;
    }
}
