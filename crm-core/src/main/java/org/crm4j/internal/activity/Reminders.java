package org.crm4j.internal.activity;

import org.crm4j.store.ReminderStore;
import org.crm4j.store.EventStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.event.EventTypes;
import org.crm4j.store.StoreTransaction;
import org.crm4j.internal.Runtime;

/** Sets the reminders of planned activities, beside the activity, with their event. */
public final class Reminders {
    private Reminders() {
    }

    /**
     * @param remindAt when to remind, or null to remove the reminder
     * @throws ValidationException when the activity is done
     */
    static void set(Runtime rt, Actor actor, StoreTransaction tx, ActivityRecord activity, Instant remindAt,
            Instant now) {
        if (remindAt != null && activity.status() != ActivityStatus.PLANNED) {
            throw new ValidationException("remindAt", "Planned", "activity " + activity.id()
                    + " is done; only a planned activity has a reminder");
        }
        if (remindAt == null) {
            tx.store(ReminderStore.class).clear(activity.id());
        } else {
            tx.store(ReminderStore.class).set(activity.id(), remindAt.minusNanos(remindAt.getNano() % 1000));
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("remindAt", remindAt == null ? null : remindAt.toString());
        data.put("owner", activity.ownerId());
        tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.ACTIVITY_REMINDER_SET, "activity", activity.id(),
                activity.customerId(), now, data)));
    }
}
