package org.crm4j.activity.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.ExternalRef;
import org.crm4j.activity.RequestKind;
import org.crm4j.activity.RequestStatus;

/**
 * The stored state of a request beside its activity (of type {@link ActivityType#REQUEST}), as
 * the core hands it to a store and gets it back. The activity holds what every activity has: the
 * customer, the owner who answers it, the contact person who asked, when it came in (its start)
 * and its subject (its outcome).
 *
 * @param activityId the request's activity, which is its id too
 * @param version the optimistic version; escalating leaves it alone
 * @param kind question, complaint or service request
 * @param status open, answered or closed
 * @param text what the customer wrote, or null
 * @param sourceSystem the system it came in from (e.g. {@code MAIL}), or null when a user logged it
 * @param sourceId its id in that system, or null when a user logged it
 * @param concerns the service or sale it concerns, or null
 * @param dueAt when it must be answered by
 * @param escalateAt when a still open request goes to the owner's superior: one more answer
 *     period after {@code dueAt}
 * @param escalationLevel 0 not escalated, 1 the owner was told it is overdue, 2 the owner's
 *     superior was told too
 * @param answeredBy who answered it, or null while open
 * @param answeredAt when, or null while open
 * @param answer the answer, or null while open
 * @param closedBy who closed it, or null unless closed
 * @param closedAt when, or null unless closed
 * @param updatedAt when it last changed
 */
public record RequestRecord(long activityId, long version, RequestKind kind, RequestStatus status, String text,
        String sourceSystem, String sourceId, ExternalRef concerns, Instant dueAt, Instant escalateAt,
        int escalationLevel, String answeredBy, Instant answeredAt, String answer, String closedBy, Instant closedAt,
        Instant updatedAt) {

    /** The longest text of a request and of an answer. */
    public static final int MAX_TEXT = 4000;
    /** The longest name of a source system. */
    public static final int MAX_SOURCE_SYSTEM = 50;
    /** The longest id in a source system (an e-mail's Message-ID, a ticket number ...). */
    public static final int MAX_SOURCE_ID = 250;
    /** The highest escalation level: the owner's superior. */
    public static final int MAX_ESCALATION_LEVEL = 2;

    /**
     * Checks the rules of one request's state, reporting every broken one.
     *
     * @throws ValidationException when a rule is broken
     */
    public RequestRecord {
        List<Violation> violations = new ArrayList<>();
        if (kind == null) {
            violations.add(new Violation("kind", "NotNull", "cannot be null"));
        }
        if (status == null) {
            violations.add(new Violation("status", "NotNull", "cannot be null"));
        }
        if (text != null && text.length() > MAX_TEXT) {
            violations.add(new Violation("text", "Size", "at most " + MAX_TEXT + " characters, was " + text.length()));
        }
        if ((sourceSystem == null) != (sourceId == null)) {
            violations.add(new Violation("source", "Pair", "a source is a system and an id, or none"));
        }
        if (dueAt == null || escalateAt == null) {
            violations.add(new Violation("dueAt", "NotNull", "a request has a due time and an escalation time"));
        } else if (escalateAt.isBefore(dueAt)) {
            violations.add(new Violation("escalateAt", "NotBeforeDue", "escalates to the superior after it is due"));
        }
        if (escalationLevel < 0 || escalationLevel > MAX_ESCALATION_LEVEL) {
            violations.add(new Violation("escalationLevel", "Range", "0 to " + MAX_ESCALATION_LEVEL + ", was "
                    + escalationLevel));
        }
        boolean answered = status == RequestStatus.ANSWERED || status == RequestStatus.CLOSED;
        if (answered != (answeredBy != null && answeredAt != null && answer != null)
                || !answered && (answeredBy != null || answeredAt != null || answer != null)) {
            violations.add(new Violation("answer", "AnsweredOnly", "an answered or closed request has its answer,"
                    + " who gave it and when; an open one none"));
        }
        if (answer != null && answer.length() > MAX_TEXT) {
            violations.add(new Violation("answer", "Size", "at most " + MAX_TEXT + " characters, was "
                    + answer.length()));
        }
        boolean closed = status == RequestStatus.CLOSED;
        if (closed != (closedBy != null && closedAt != null) || !closed && (closedBy != null || closedAt != null)) {
            violations.add(new Violation("closedAt", "ClosedOnly", "a closed request has who closed it and when;"
                    + " another none"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** @return whether it came in through an integration ({@code Requests.receive}) */
    public boolean received() {
        return sourceSystem != null;
    }

    /**
     * @param id the activity it was stored beside
     * @param newVersion the stored version
     * @return a copy with the identity a store assigned
     */
    public RequestRecord withIdentity(long id, long newVersion) {
        return new RequestRecord(id, newVersion, kind, status, text, sourceSystem, sourceId, concerns, dueAt,
                escalateAt, escalationLevel, answeredBy, answeredAt, answer, closedBy, closedAt, updatedAt);
    }

    /**
     * @param by who answers
     * @param text the answer
     * @param now when
     * @return a copy that is answered
     */
    public RequestRecord answered(String by, String text, Instant now) {
        return new RequestRecord(activityId, version, kind, RequestStatus.ANSWERED, this.text, sourceSystem, sourceId,
                concerns, dueAt, escalateAt, escalationLevel, by, now, text, null, null, now);
    }

    /**
     * @param by who closes it
     * @param now when
     * @return a copy that is closed, keeping its answer
     */
    public RequestRecord closed(String by, Instant now) {
        return new RequestRecord(activityId, version, kind, RequestStatus.CLOSED, text, sourceSystem, sourceId,
                concerns, dueAt, escalateAt, escalationLevel, answeredBy, answeredAt, answer, by, now, now);
    }

    /**
     * @param due the new due time
     * @param escalate the new time to escalate to the superior
     * @param now when
     * @return a copy that is open again, without its answer, not escalated, due anew
     */
    public RequestRecord reopened(Instant due, Instant escalate, Instant now) {
        return new RequestRecord(activityId, version, kind, RequestStatus.OPEN, text, sourceSystem, sourceId,
                concerns, due, escalate, 0, null, null, null, null, null, now);
    }

    /**
     * @param level the level reached
     * @return a copy at that escalation level (as a store keeps it after a claim)
     */
    public RequestRecord escalatedTo(int level) {
        return new RequestRecord(activityId, version, kind, status, text, sourceSystem, sourceId, concerns, dueAt,
                escalateAt, level, answeredBy, answeredAt, answer, closedBy, closedAt, updatedAt);
    }
}
