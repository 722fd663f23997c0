package org.crm4j.persistence.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.persistence.memory.MemoryData.Reminder;
import org.crm4j.store.DueReminder;
import org.crm4j.store.ReminderStore;

/** Reminders beside their activities. */
final class MemoryReminderStore extends MemoryFeatureStore implements ReminderStore {
    MemoryReminderStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public void set(long activityId, Instant remindAt) {
        Reminder old = data.reminders.get(activityId);
        put(data.reminders, activityId, new Reminder(old == null ? 1 : old.version() + 1, remindAt));
    }

    @Override
    public void clear(long activityId) {
        remove(data.reminders, activityId);
    }

    @Override
    public Optional<Instant> find(long activityId) {
        return Optional.ofNullable(data.reminders.get(activityId)).map(Reminder::remindAt);
    }

    @Override
    public List<DueReminder> due(Instant now, int limit) {
        return data.reminders.entrySet().stream()
                .filter(e -> !e.getValue().remindAt().isAfter(now))
                .filter(e -> data.activities.get(e.getKey()).status() == ActivityStatus.PLANNED)
                .filter(e -> data.noticeKeys.keySet().stream().noneMatch(k -> k.get(0).equals(
                        DueReminder.noticeKey(e.getKey(), e.getValue().version()))))
                .sorted(Comparator.comparing((Map.Entry<Long, Reminder> e) -> e.getValue().remindAt())
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .map(e -> {
                    ActivityRecord a = data.activities.get(e.getKey());
                    return new DueReminder(a, e.getValue().remindAt(), e.getValue().version(),
                            data.customers.get(a.customerId()).name());
                })
                .toList();
    }
}
