package org.crm4j.activity.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.CallDirection;

/**
 * The stored state of an activity, as the core hands it to a store and gets it back.
 *
 * @param id the id; 0 before the first insert
 * @param version the optimistic version
 * @param type what kind it is
 * @param direction for a call, who called whom; null for other kinds
 * @param status planned or done
 * @param customerId the customer it is with
 * @param ownerId the responsible salesperson
 * @param colleagueIds further salespeople who took part, without the owner
 * @param contactIds the customer's contact persons who took part
 * @param startsAt when it starts
 * @param duration how long it lasts; zero or more
 * @param outcome how it went, or null
 * @param opportunityId the deal it belongs to, or null
 * @param leadId the lead it belongs to, or null
 * @param createdBy who logged it
 * @param createdAt when
 * @param updatedAt when it last changed
 * @param doneAt when it was recorded as done: when it was logged for one logged done, when it was
 *     completed for one planned first; null while planned
 */
public record ActivityRecord(long id, long version, ActivityType type, CallDirection direction, ActivityStatus status,
        long customerId, String ownerId, Set<String> colleagueIds, Set<Long> contactIds, Instant startsAt,
        Duration duration, String outcome, Long opportunityId, Long leadId, String createdBy, Instant createdAt,
        Instant updatedAt, Instant doneAt) {

    /** The longest outcome text. */
    public static final int MAX_OUTCOME = 2000;

    /**
     * Copies the sets and checks the rules of one activity, reporting every broken one.
     *
     * @throws ValidationException when a rule is broken
     */
    public ActivityRecord {
        List<Violation> violations = new ArrayList<>();
        if (type == null) {
            violations.add(new Violation("type", "NotNull", "cannot be null"));
        } else if (type == ActivityType.CALL && direction == null) {
            violations.add(new Violation("direction", "NotNull", "a call is inbound or outbound"));
        } else if (type != ActivityType.CALL && direction != null) {
            violations.add(new Violation("direction", "CallOnly", "only a call has a direction, not a "
                    + type.name().toLowerCase(Locale.ROOT)));
        }
        if (status == null) {
            violations.add(new Violation("status", "NotNull", "cannot be null"));
        } else if ((status == ActivityStatus.DONE) != (doneAt != null)) {
            violations.add(new Violation("doneAt", "DoneOnly", "a done activity has the time it was recorded"
                    + " done, a planned one none"));
        }
        if (ownerId == null || ownerId.isBlank()) {
            violations.add(new Violation("ownerId", "NotBlank", "an activity has a responsible salesperson"));
        }
        if (startsAt == null) {
            violations.add(new Violation("startsAt", "NotNull", "cannot be null"));
        }
        if (duration == null) {
            violations.add(new Violation("duration", "NotNull", "cannot be null"));
        } else if (duration.isNegative()) {
            violations.add(new Violation("endsAt", "NotBeforeStart", "an activity cannot end before it starts"
                    + " (duration " + duration + ")"));
        }
        if (outcome != null && outcome.length() > MAX_OUTCOME) {
            violations.add(new Violation("outcome", "Size", "at most " + MAX_OUTCOME + " characters, was "
                    + outcome.length()));
        }
        if (colleagueIds == null || colleagueIds.stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation("colleagueIds", "NotNull", "cannot be or contain null"));
        }
        if (contactIds == null || contactIds.stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation("contactIds", "NotNull", "cannot be or contain null"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        colleagueIds = Set.copyOf(colleagueIds);
        contactIds = Set.copyOf(contactIds);
    }

    /** @return when it ends: its start plus its duration */
    public Instant endsAt() {
        return startsAt.plus(duration);
    }

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the identity a store assigned
     */
    public ActivityRecord withIdentity(long newId, long newVersion) {
        return new ActivityRecord(newId, newVersion, type, direction, status, customerId, ownerId, colleagueIds,
                contactIds, startsAt, duration, outcome, opportunityId, leadId, createdBy, createdAt, updatedAt,
                doneAt);
    }

    /**
     * @param text how it went
     * @param now when it was completed
     * @return a copy that is done, with the outcome, recorded done now
     */
    public ActivityRecord completed(String text, Instant now) {
        return new ActivityRecord(id, version, type, direction, ActivityStatus.DONE, customerId, ownerId,
                colleagueIds, contactIds, startsAt, duration, text, opportunityId, leadId, createdBy, createdAt, now,
                now);
    }

    /**
     * @param newOwnerId the new owner
     * @return this record handed to another owner, at the next version (a hand-over, R28)
     */
    public ActivityRecord withOwner(String newOwnerId) {
        return new ActivityRecord(id, version + 1, type, direction, status, customerId, newOwnerId, colleagueIds, contactIds, startsAt, duration, outcome, opportunityId, leadId, createdBy, createdAt, updatedAt, doneAt);
    }
}
