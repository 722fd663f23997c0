package org.crm4j.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The reminders of planned activities, kept beside them (never on the activity, so its version
 * does not move). Each activity has at most one; moving it makes it a new reminder (its version
 * grows), which is due again.
 */
public interface ReminderStore {

    /**
     * Sets or moves an activity's reminder.
     *
     * @param activityId an activity
     * @param remindAt when to remind
     */
    void set(long activityId, Instant remindAt);

    /** @param activityId an activity whose reminder is removed (nothing when it has none) */
    void clear(long activityId);

    /**
     * @param activityId an activity
     * @return its reminder time
     */
    Optional<Instant> find(long activityId);

    /**
     * @param now the time of the run
     * @param limit how many at most
     * @return the reminders due at {@code now} of activities still planned, for which no notice
     *     with the key {@link DueReminder#noticeKey()} exists, earliest first
     */
    List<DueReminder> due(Instant now, int limit);
}
