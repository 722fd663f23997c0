package org.crm4j.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.CustomerId;
import org.crm4j.lead.LeadId;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.activity.store.ActivityRecord;

/**
 * What logs one activity; pass it to {@link Activities#log}. Without an owner the actor is
 * responsible for it; without a start it starts when it is logged; without a duration it lasts
 * no time; unless {@link #planned()}, it is done.
 *
 * <pre>{@code
 * Activity call = crm.as(sam).activities().log(NewActivity.call(acme.id(), CallDirection.OUTBOUND)
 *         .at(Instant.parse("2026-03-02T10:00:00Z"), Duration.ofMinutes(15))
 *         .participants(bill.id()).outcome("wants an offer").opportunity(deal.id()));
 * }</pre>
 */
public final class NewActivity {
    private final CustomerId customerId;
    private final ActivityType type;
    private final CallDirection direction;
    private ActivityStatus status = ActivityStatus.DONE;
    private Instant startsAt;
    private Duration duration = Duration.ZERO;
    private String ownerId;
    private final Set<String> colleagues = new LinkedHashSet<>();
    private final Set<Long> contacts = new LinkedHashSet<>();
    private String outcome;
    private OpportunityId opportunityId;
    private LeadId leadId;
    private Instant remindAt;
    private Duration remindBefore;

    private NewActivity(CustomerId customerId, ActivityType type, CallDirection direction) {
        this.customerId = ValidationException.requireNonNull(customerId, "customerId");
        this.type = type;
        this.direction = direction;
    }

    /**
     * @param customer the customer
     * @param direction who called whom
     * @return a phone call
     */
    public static NewActivity call(CustomerId customer, CallDirection direction) {
        return new NewActivity(customer, ActivityType.CALL, ValidationException.requireNonNull(direction,
                "direction"));
    }

    /**
     * @param customer the customer
     * @return a meeting
     */
    public static NewActivity meeting(CustomerId customer) {
        return new NewActivity(customer, ActivityType.MEETING, null);
    }

    /**
     * @param customer the customer
     * @return an e-mail
     */
    public static NewActivity email(CustomerId customer) {
        return new NewActivity(customer, ActivityType.EMAIL, null);
    }

    /**
     * @param customer the customer
     * @return a task
     */
    public static NewActivity task(CustomerId customer) {
        return new NewActivity(customer, ActivityType.TASK, null);
    }

    /**
     * @param customer the customer
     * @return a note
     */
    public static NewActivity note(CustomerId customer) {
        return new NewActivity(customer, ActivityType.NOTE, null);
    }

    /**
     * @param start when it starts
     * @param length how long it lasts; an activity ending before it starts is refused
     * @return this
     */
    public NewActivity at(Instant start, Duration length) {
        this.startsAt = start;
        this.duration = length;
        return this;
    }

    /**
     * @param start when it starts
     * @param end when it ends, not before the start
     * @return this
     */
    public NewActivity between(Instant start, Instant end) {
        this.startsAt = start;
        this.duration = start == null || end == null ? null : Duration.between(start, end);
        return this;
    }

    /**
     * Makes it a planned activity, completed later with {@link Activities#complete}.
     *
     * @return this
     */
    public NewActivity planned() {
        this.status = ActivityStatus.PLANNED;
        return this;
    }

    /**
     * @param userId the responsible salesperson; by default the actor
     * @return this
     */
    public NewActivity owner(String userId) {
        this.ownerId = userId;
        return this;
    }

    /**
     * @param userIds further salespeople who take part, users the directory knows
     * @return this
     */
    public NewActivity colleagues(String... userIds) {
        for (String id : ValidationException.requireNonNull(userIds, "colleagues")) {
            colleagues.add(ValidationException.requireNonNull(id, "colleagues"));
        }
        return this;
    }

    /**
     * @param contactIds the customer's contact persons who take part
     * @return this
     */
    public NewActivity participants(ContactId... contactIds) {
        for (ContactId id : ValidationException.requireNonNull(contactIds, "participants")) {
            contacts.add(ValidationException.requireNonNull(id, "participants").value());
        }
        return this;
    }

    /**
     * @param text how it went (up to 2,000 characters); blank counts as none
     * @return this
     */
    public NewActivity outcome(String text) {
        this.outcome = text == null || text.isBlank() ? null : text.strip();
        return this;
    }

    /**
     * @param deal a deal of the same customer; logging it counts as activity on the deal
     * @return this
     */
    public NewActivity opportunity(OpportunityId deal) {
        this.opportunityId = deal;
        return this;
    }

    /**
     * @param lead a lead of the same customer
     * @return this
     */
    public NewActivity lead(LeadId lead) {
        this.leadId = lead;
        return this;
    }

    /**
     * Reminds the owner and the colleagues of a planned activity at that time (R15); see
     * {@link Activities#remind}.
     *
     * @param at when to remind
     * @return this
     */
    public NewActivity remindAt(Instant at) {
        this.remindAt = at;
        this.remindBefore = null;
        return this;
    }

    /**
     * Reminds the owner and the colleagues of a planned activity that long before it starts.
     *
     * @param before how long before the start, zero or more
     * @return this
     */
    public NewActivity remindBefore(Duration before) {
        this.remindBefore = before;
        this.remindAt = null;
        return this;
    }

    /**
     * @param activity the activity's state, from {@link #toRecord}
     * @return when to remind, or null for no reminder. Used by the runtime.
     * @throws ValidationException when a reminder is given for an activity that is done, or
     *     before a negative time
     */
    public Instant reminderOf(ActivityRecord activity) {
        if (remindAt == null && remindBefore == null) {
            return null;
        }
        if (activity.status() != ActivityStatus.PLANNED) {
            throw new ValidationException("remindAt", "Planned", "only a planned activity has a reminder");
        }
        if (remindBefore != null && remindBefore.isNegative()) {
            throw new ValidationException("remindBefore", "PositiveOrZero", "a reminder comes before the start, not "
                    + remindBefore.negated() + " after it");
        }
        if (remindAt != null) {
            return remindAt;
        }
        try {
            return activity.startsAt().minus(remindBefore);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new ValidationException("remindBefore", "Range", "a reminder " + remindBefore
                    + " before the start lies outside any calendar");
        }
    }

    /**
     * @param actorId who logs it
     * @return the responsible salesperson: the owner given, else the actor. Used by the runtime.
     */
    public String ownerOr(String actorId) {
        return ownerId == null ? actorId : ownerId;
    }

    /** @return the colleagues given. Used by the runtime. */
    public Set<String> colleagueIds() {
        return Set.copyOf(colleagues);
    }

    /**
     * The state of the activity to log. Used by the runtime.
     *
     * @param actorId who logs it, the owner when none was given
     * @param now when
     * @return the state, new, with id 0
     * @throws ValidationException listing every broken rule of the activity itself
     */
    public ActivityRecord toRecord(String actorId, Instant now) {
        String owner = ownerOr(actorId);
        Set<String> others = new LinkedHashSet<>(colleagues);
        others.remove(owner);
        return new ActivityRecord(0, 0, type, direction, status, customerId.value(), owner, others, contacts,
                startsAt == null ? now : startsAt, duration, outcome,
                opportunityId == null ? null : opportunityId.value(), leadId == null ? null : leadId.value(),
                actorId, now, now, status == ActivityStatus.DONE ? now : null);
    }
}
