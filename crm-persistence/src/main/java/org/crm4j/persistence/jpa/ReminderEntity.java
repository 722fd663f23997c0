package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The reminder of a planned activity ({@code crm_reminder}); its version grows with every change. */
@Entity(name = "Reminder")
@Table(name = "crm_reminder")
class ReminderEntity {
    @Id
    @Column(name = "activity_id")
    Long activityId;

    /** Not Hibernate's optimistic version: it names the reminder in its notices' key. */
    @Column(nullable = false)
    long version;

    @Column(name = "remind_at", nullable = false)
    Instant remindAt;

    /** For Hibernate. */
    protected ReminderEntity() {
    }

    static ReminderEntity of(long activityId, Instant remindAt) {
        ReminderEntity e = new ReminderEntity();
        e.activityId = activityId;
        e.version = 1;
        e.remindAt = remindAt;
        return e;
    }
}
