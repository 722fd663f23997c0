package org.crm4j.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.crm4j.ValidationException;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.CustomerId;
import org.crm4j.lead.LeadId;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.activity.store.ActivityRecord;

/**
 * An activity with a customer: a phone call, meeting, e-mail, task, note or request, planned or done, with
 * who took part on both sides and how it went. Logged with {@link Activities#log}; a planned one
 * is done with {@link Activities#complete}. Immutable.
 */
public final class Activity {
    private final ActivityRecord r;

    private Activity(ActivityRecord r) {
        this.r = r;
    }

    /**
     * Rebuilds an activity from its stored state. Used by the runtime and by store adapters.
     *
     * @param state the stored state
     * @return the activity
     */
    public static Activity fromRecord(ActivityRecord state) {
        return new Activity(ValidationException.requireNonNull(state, "state"));
    }

    /** @return its stored state */
    public ActivityRecord toRecord() {
        return r;
    }

    /** @return the id */
    public ActivityId id() {
        return ActivityId.of(r.id());
    }

    /** @return the version it was read at */
    public long version() {
        return r.version();
    }

    /** @return what kind it is */
    public ActivityType type() {
        return r.type();
    }

    /** @return for a call, who called whom; empty for other kinds */
    public Optional<CallDirection> direction() {
        return Optional.ofNullable(r.direction());
    }

    /** @return planned or done */
    public ActivityStatus status() {
        return r.status();
    }

    /** @return the customer it is with */
    public CustomerId customerId() {
        return CustomerId.of(r.customerId());
    }

    /** @return the responsible salesperson */
    public String ownerId() {
        return r.ownerId();
    }

    /** @return further salespeople who took part, without the owner */
    public Set<String> colleagueIds() {
        return r.colleagueIds();
    }

    /** @return the customer's contact persons who took part */
    public Set<ContactId> participants() {
        return r.contactIds().stream().map(ContactId::of).collect(Collectors.toUnmodifiableSet());
    }

    /** @return when it starts */
    public Instant startsAt() {
        return r.startsAt();
    }

    /** @return how long it lasts */
    public Duration duration() {
        return r.duration();
    }

    /** @return when it ends */
    public Instant endsAt() {
        return r.endsAt();
    }

    /** @return how it went */
    public Optional<String> outcome() {
        return Optional.ofNullable(r.outcome());
    }

    /** @return the deal it belongs to */
    public Optional<OpportunityId> opportunityId() {
        return Optional.ofNullable(r.opportunityId()).map(OpportunityId::of);
    }

    /** @return the lead it belongs to */
    public Optional<LeadId> leadId() {
        return Optional.ofNullable(r.leadId()).map(LeadId::of);
    }

    /** @return who logged it */
    public String createdBy() {
        return r.createdBy();
    }

    /** @return when it was logged */
    public Instant createdAt() {
        return r.createdAt();
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return r.updatedAt();
    }

    /**
     * @return when it was recorded as done: when it was logged for one logged done, when it was
     *     completed for one planned first; empty while planned. Service standards such as "every
     *     call is logged within 24 h" compare it with {@link #endsAt()}.
     */
    public Optional<Instant> doneAt() {
        return Optional.ofNullable(r.doneAt());
    }

    @Override
    public String toString() {
        return "Activity[" + r.id() + ", " + r.type() + ", " + r.status() + ", " + r.ownerId() + ", v" + r.version()
                + "]";
    }
}
