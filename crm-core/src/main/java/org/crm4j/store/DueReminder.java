package org.crm4j.store;

import java.time.Instant;
import org.crm4j.activity.store.ActivityRecord;

/**
 * A reminder that is due.
 *
 * @param activity the planned activity
 * @param remindAt when it was to remind
 * @param version the reminder's version: it grows every time the reminder is set
 * @param customerName the name of the activity's customer
 */
public record DueReminder(ActivityRecord activity, Instant remindAt, long version, String customerName) {

    /**
     * @param activityId an activity
     * @param version its reminder's version
     * @return the key of the reminder's notices
     */
    public static String noticeKey(long activityId, long version) {
        return "reminder:" + activityId + ":" + version;
    }

    /** @return the key of this reminder's notices */
    public String noticeKey() {
        return noticeKey(activity.id(), version);
    }
}
