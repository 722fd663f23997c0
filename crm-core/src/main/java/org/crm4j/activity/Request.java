package org.crm4j.activity;

import java.time.Instant;
import java.util.Optional;
import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.CustomerId;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.store.RequestRecord;

/**
 * A customer's question, complaint or service request, tracked until answered (R7): open →
 * answered → closed, reopened when the answer did not settle it. It is an activity of type
 * {@link ActivityType#REQUEST} (so it is in the customer's history, and its id is the activity's)
 * with its own state beside it. Logged and answered with {@link Requests}. Immutable.
 */
public final class Request {
    private final ActivityRecord a;
    private final RequestRecord r;

    private Request(ActivityRecord a, RequestRecord r) {
        this.a = a;
        this.r = r;
    }

    /**
     * Rebuilds a request from its stored state. Used by the runtime and by store adapters.
     *
     * @param activity the stored activity
     * @param request the stored request state beside it
     * @return the request
     * @throws ValidationException when the two do not belong together
     */
    public static Request fromRecords(ActivityRecord activity, RequestRecord request) {
        ValidationException.requireNonNull(activity, "activity");
        ValidationException.requireNonNull(request, "request");
        if (activity.type() != ActivityType.REQUEST || activity.id() != request.activityId()) {
            throw new ValidationException("request", "SameActivity", "request " + request.activityId()
                    + " is kept beside its own activity of type REQUEST, not " + activity.type() + " " + activity.id());
        }
        return new Request(activity, request);
    }

    /** @return its stored state beside the activity */
    public RequestRecord toRecord() {
        return r;
    }

    /** @return the id, which is its activity's */
    public ActivityId id() {
        return ActivityId.of(r.activityId());
    }

    /** @return the version it was read at */
    public long version() {
        return r.version();
    }

    /** @return the activity it is, in the customer's history */
    public Activity activity() {
        return Activity.fromRecord(a);
    }

    /** @return question, complaint or service request */
    public RequestKind kind() {
        return r.kind();
    }

    /** @return open, answered or closed */
    public RequestStatus status() {
        return r.status();
    }

    /** @return the customer who asked */
    public CustomerId customerId() {
        return CustomerId.of(a.customerId());
    }

    /** @return the salesperson who answers it, and to whom it escalates first */
    public String ownerId() {
        return a.ownerId();
    }

    /** @return the customer's contact person who asked, when known */
    public Optional<ContactId> contactId() {
        return a.contactIds().stream().findFirst().map(ContactId::of);
    }

    /** @return what it is about, in a line */
    public String subject() {
        return a.outcome();
    }

    /** @return what the customer wrote */
    public Optional<String> text() {
        return Optional.ofNullable(r.text());
    }

    /** @return when it came in */
    public Instant receivedAt() {
        return a.startsAt();
    }

    /** @return the system it came in from (e.g. {@code MAIL}), for a request received from an integration */
    public Optional<String> sourceSystem() {
        return Optional.ofNullable(r.sourceSystem());
    }

    /** @return its id in the system it came in from, for a request received from an integration */
    public Optional<String> sourceId() {
        return Optional.ofNullable(r.sourceId());
    }

    /** @return the service or sale it concerns, when known */
    public Optional<ExternalRef> concerns() {
        return Optional.ofNullable(r.concerns());
    }

    /** @return when it must be answered by: its answer period after it came in (or was reopened) */
    public Instant dueAt() {
        return r.dueAt();
    }

    /** @return when, still open, it escalates to the owner's superior: one more answer period later */
    public Instant escalateAt() {
        return r.escalateAt();
    }

    /**
     * @param now an instant
     * @return whether it is open and its due time has passed by then
     */
    public boolean isOverdueAt(Instant now) {
        return r.status() == RequestStatus.OPEN && r.dueAt().isBefore(now);
    }

    /**
     * @return 0 when not escalated; 1 when its owner was told it is overdue; 2 when the owner's
     *     superior was told too. Reopening sets it back to 0.
     */
    public int escalationLevel() {
        return r.escalationLevel();
    }

    /** @return who answered it; empty while open */
    public Optional<String> answeredBy() {
        return Optional.ofNullable(r.answeredBy());
    }

    /** @return when it was answered; empty while open */
    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(r.answeredAt());
    }

    /** @return the answer; empty while open */
    public Optional<String> answer() {
        return Optional.ofNullable(r.answer());
    }

    /** @return who closed it; empty unless closed */
    public Optional<String> closedBy() {
        return Optional.ofNullable(r.closedBy());
    }

    /** @return when it was closed; empty unless closed */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(r.closedAt());
    }

    /** @return who logged it (for a received request, the integration's actor) */
    public String createdBy() {
        return a.createdBy();
    }

    /** @return when it was logged */
    public Instant createdAt() {
        return a.createdAt();
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return r.updatedAt();
    }

    @Override
    public String toString() {
        return "Request[" + r.activityId() + ", " + r.kind() + ", " + r.status() + ", " + a.ownerId() + ", due "
                + r.dueAt() + ", v" + r.version() + "]";
    }
}
