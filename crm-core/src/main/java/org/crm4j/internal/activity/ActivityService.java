package org.crm4j.internal.activity;

import org.crm4j.store.ReminderStore;
import org.crm4j.store.OpportunityStore;
import org.crm4j.store.LeadStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.ContactStore;
import org.crm4j.store.ActivityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.activity.Activities;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityId;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.CallDirection;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.store.FirstContactRecord;
import org.crm4j.activity.NewActivity;
import org.crm4j.activity.ScheduleCount;
import org.crm4j.activity.ScheduleQuery;
import org.crm4j.common.Page;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.CustomerId;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.lead.store.LeadRecord;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.store.Keyset;
import org.crm4j.store.ScheduleSelection;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.PageTokens;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;
import org.crm4j.internal.customer.CustomerService;

/** {@link Activities} for one actor: need-to-know follows the activity's owner, as for deals. */
public final class ActivityService implements Activities {
    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public ActivityService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public Activity log(NewActivity activity) {
        Assert.notNull(activity, "activity");
        Instant now = rt.now();
        prepare(activity, now);
        return Activity.fromRecord(rt.store().inTransaction(tx -> logWithin(tx, activity, now)));
    }

    /**
     * {@link #log} inside a transaction of the caller's, for work that must commit with it (the
     * offline sync's receipt of a point of sale's change).
     *
     * @param tx the transaction
     * @param activity the activity
     * @param now the time of the work
     * @return it as stored
     */
    public ActivityRecord logWithin(StoreTransaction tx, NewActivity activity, Instant now) {
        ActivityRecord draft = prepare(activity, now);
        Instant remindAt = activity.reminderOf(draft);
        ActivityRecord inserted = insert(tx, draft, now);
        if (remindAt != null) {
            Reminders.set(rt, actor, tx, inserted, remindAt, now);
        }
        return inserted;
    }

    @Override
    public Optional<Instant> remind(ActivityId id, Instant remindAt) {
        Assert.notNull(id, "id");
        if (remindAt != null && !StoredValues.inRange(remindAt)) {
            throw new ValidationException(List.of(StoredValues.outOfRange("remindAt")));
        }
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            ActivityRecord stored = visibleActivity(tx, id.value(), "set reminders of");
            Reminders.set(rt, actor, tx, stored, remindAt, now);
            return Optional.ofNullable(remindAt);
        });
    }

    @Override
    public Optional<Instant> reminder(ActivityId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> {
            visibleActivity(tx, id.value(), "open");
            return tx.store(ReminderStore.class).find(id.value());
        });
    }

    /** @return whether the activity ends in the years the stores keep (a long duration overflows them) */
    private static boolean endsInRange(ActivityRecord activity) {
        try {
            return StoredValues.inRange(activity.endsAt());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return false;
        }
    }

    /** Checks what needs no store, reporting every broken rule at once. */
    private ActivityRecord prepare(NewActivity activity, Instant now) {
        List<Violation> violations = new ArrayList<>();
        ActivityRecord draft = null;
        try {
            draft = activity.toRecord(actor.id(), now);
        } catch (ValidationException e) {
            violations.addAll(e.violations());
        }
        if (draft != null) {
            violations.addAll(StoredValues.violations(draft));
            if (StoredValues.inRange(draft.startsAt()) && !endsInRange(draft)) {
                violations.add(StoredValues.outOfRange("endsAt"));
            }
            try {
                Instant remindAt = activity.reminderOf(draft);
                if (remindAt != null && !StoredValues.inRange(remindAt)) {
                    violations.add(StoredValues.outOfRange("remindAt"));
                }
            } catch (ValidationException e) {
                violations.addAll(e.violations());
            }
        }
        String owner = activity.ownerOr(actor.id());
        rt.access().unknownOwner(owner).ifPresent(violations::add);
        for (String colleague : activity.colleagueIds()) {
            if (!colleague.equals(owner) && !rt.access().isKnownUser(colleague)) {
                violations.add(new Violation("colleagueIds", "KnownUser", "there is no user '" + colleague + "'"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (!visibility().covers(draft.ownerId())) {
            throw new AccessDeniedException(actor.id(), "log activities owned by '" + draft.ownerId() + "'");
        }
        return draft;
    }

    /** Checks what needs the store and inserts the activity, in the caller's transaction. */
    private ActivityRecord insert(StoreTransaction tx, ActivityRecord draft, Instant now) {
        CustomerService.openableCustomer(tx, visibility(), actor, draft.customerId(), "log activities on");
        List<Violation> violations = new ArrayList<>();
        if (!draft.contactIds().isEmpty()) {
            Set<Long> customersContacts = new HashSet<>();
            tx.store(ContactStore.class).ofCustomer(draft.customerId()).forEach(c -> customersContacts.add(c.id()));
            for (Long contact : draft.contactIds()) {
                if (!customersContacts.contains(contact)) {
                    violations.add(new Violation("participants", "CustomersContact", "contact " + contact
                            + " is no contact person of customer " + draft.customerId()));
                }
            }
        }
        if (draft.opportunityId() != null) {
            long id = draft.opportunityId();
            Optional<OpportunityRecord> deal = tx.store(OpportunityStore.class).find(id, visibility());
            if (deal.isEmpty() && tx.store(OpportunityStore.class).exists(id)) {
                throw new AccessDeniedException(actor.id(), "log activities on opportunity " + id);
            }
            if (deal.isEmpty() || deal.get().customerId() != draft.customerId()) {
                violations.add(new Violation("opportunityId", "SameCustomer", "opportunity " + id
                        + " is no deal of customer " + draft.customerId()));
            }
        }
        if (draft.leadId() != null) {
            long id = draft.leadId();
            Optional<LeadRecord> lead = tx.store(LeadStore.class).find(id, visibility());
            if (lead.isEmpty() && tx.store(LeadStore.class).exists(id)) {
                throw new AccessDeniedException(actor.id(), "log activities on lead " + id);
            }
            if (lead.isEmpty() || lead.get().customerId() == null || lead.get().customerId() != draft.customerId()) {
                violations.add(new Violation("leadId", "SameCustomer", "lead " + id + " is no lead of customer "
                        + draft.customerId()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return logged(tx, tx.store(ActivityStore.class).insert(draft), now);
    }

    /**
     * Logs a lead's contact attempt as an activity of the actor, in the lead's transaction. The
     * lead was checked by the caller (the actor may see it and it is the customer's); the customer
     * need not be one the actor may open, as a lead's owner may work a customer owned by another.
     *
     * @param tx the lead's transaction
     * @param draft the done call or e-mail, linked to the lead
     * @param now when
     * @return it as stored
     */
    public ActivityRecord logAttempt(StoreTransaction tx, ActivityRecord draft, Instant now) {
        return logged(tx, tx.store(ActivityStore.class).insert(draft), now);
    }

    /** What follows an insert: the deal's last activity and the event. */
    private ActivityRecord logged(StoreTransaction tx, ActivityRecord inserted, Instant now) {
        if (inserted.opportunityId() != null) {
            Instant at = inserted.startsAt().isAfter(now) ? now : inserted.startsAt();
            tx.store(OpportunityStore.class).recordActivity(inserted.opportunityId(), at);
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", inserted.type().name());
        data.put("status", inserted.status().name());
        data.put("owner", inserted.ownerId());
        if (inserted.opportunityId() != null) {
            data.put("opportunity", Long.toString(inserted.opportunityId()));
        }
        if (inserted.leadId() != null) {
            data.put("lead", Long.toString(inserted.leadId()));
        }
        tx.store(EventStore.class).append(List.of(event(EventTypes.ACTIVITY_LOGGED, inserted, now, data)));
        return inserted;
    }

    @Override
    public Activity get(ActivityId id) {
        Assert.notNull(id, "id");
        return Activity.fromRecord(rt.store().readOnly(tx -> visibleActivity(tx, id.value(), "open")));
    }

    @Override
    public Activity complete(ActivityId id, String outcome) {
        Assert.notNull(id, "id");
        List<Violation> violations = new ArrayList<>();
        if (outcome == null || outcome.isBlank()) {
            violations.add(new Violation("outcome", "NotBlank", "say how the activity went"));
        } else if (outcome.strip().length() > ActivityRecord.MAX_OUTCOME) {
            violations.add(new Violation("outcome", "Size", "at most " + ActivityRecord.MAX_OUTCOME
                    + " characters, was " + outcome.strip().length()));
        } else if (StoredValues.broken(outcome)) {
            violations.add(StoredValues.violation("outcome"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Instant now = rt.now();
        ActivityRecord saved = rt.store().inTransaction(tx -> completeWithin(tx, visibleActivity(tx, id.value(),
                "complete"), outcome.strip(), now));
        return Activity.fromRecord(saved);
    }

    @Override
    public Page<Activity> ofCustomer(CustomerId customerId, String pageToken, int pageSize) {
        Assert.notNull(customerId, "customerId");
        Assert.pageSize(pageSize);
        Keyset after = pageToken == null ? null : PageTokens.decodeActivities(pageToken);
        List<ActivityRecord> rows = rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, customerId.value(), "see the activities of");
            return tx.store(ActivityStore.class).ofCustomer(customerId.value(), visibility(), after, pageSize + 1);
        });
        boolean more = rows.size() > pageSize;
        List<ActivityRecord> page = more ? rows.subList(0, pageSize) : rows;
        ActivityRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? PageTokens.encodeActivities(new Keyset(last.startsAt(), last.id())) : null;
        return new Page<>(page.stream().map(Activity::fromRecord).toList(), next);
    }

    @Override
    public Page<Activity> schedule(ScheduleQuery query) {
        Assert.notNull(query, "query");
        Keyset after = query.pageToken() == null ? null : PageTokens.decodeSchedule(query.pageToken());
        ScheduleSelection selection = selectionOf(query);
        Visibility mine = visibility();
        int size = query.pageSize();
        List<ActivityRecord> rows = rt.store().readOnly(tx -> tx.store(ActivityStore.class).schedule(selection, mine, after,
                size + 1));
        boolean more = rows.size() > size;
        List<ActivityRecord> page = more ? rows.subList(0, size) : rows;
        ActivityRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? PageTokens.encodeSchedule(new Keyset(last.startsAt(), last.id())) : null;
        return new Page<>(page.stream().map(Activity::fromRecord).toList(), next);
    }

    @Override
    public List<ScheduleCount> scheduleCounts(ScheduleQuery query) {
        Assert.notNull(query, "query");
        ScheduleSelection selection = selectionOf(query);
        Visibility mine = visibility();
        // one row per user: sorted here, so that every store and collation gives the same order
        return rt.store().readOnly(tx -> tx.store(ActivityStore.class).scheduleCounts(selection, mine)).stream()
                .sorted(java.util.Comparator.comparing(ScheduleCount::userId)).toList();
    }

    /**
     * Whose activities a schedule holds: every one the actor may see, or those of one user or of a
     * manager with everyone reporting to them, when the actor covers that user.
     */
    private ScheduleSelection selectionOf(ScheduleQuery query) {
        if (query.scope() == ScheduleQuery.Scope.VISIBLE) {
            return ScheduleSelection.visible(query.from(), query.to(), query.statuses());
        }
        Visibility mine = visibility();
        String user = query.userId();
        if (!rt.access().isKnownUser(user)) {
            throw new ValidationException("userId", "KnownUser", "there is no user '" + user + "'");
        }
        if (!mine.covers(user)) {
            throw new AccessDeniedException(actor.id(), "see the schedule of " + (query.scope()
                    == ScheduleQuery.Scope.TEAM ? "the team of '" : "'") + user + "'");
        }
        // a visible manager's reports are visible too: need-to-know is transitive
        Set<String> whose = query.scope() == ScheduleQuery.Scope.USER ? Set.of(user)
                : rt.access().visibilityOf(Actor.of(user)).owners();
        return new ScheduleSelection(query.from(), query.to(), query.statuses(), whose);
    }

    @Override
    public Activity recordFirstCall(CustomerId customerId, ContactId contactId, Instant at, String outcome) {
        Assert.notNull(customerId, "customerId");
        return recordFirst(FirstContactKind.CALL, NewActivity.call(customerId, CallDirection.OUTBOUND), contactId,
                at, outcome);
    }

    @Override
    public Activity recordFirstMeeting(CustomerId customerId, ContactId contactId, Instant at, String outcome) {
        Assert.notNull(customerId, "customerId");
        return recordFirst(FirstContactKind.MEETING, NewActivity.meeting(customerId), contactId, at, outcome);
    }

    /** The activity and its ledger entry in one transaction; the store's unique rule decides a race. */
    private Activity recordFirst(FirstContactKind kind, NewActivity activity, ContactId contactId, Instant at,
            String outcome) {
        Assert.notNull(contactId, "contactId");
        Assert.notNull(at, "at");
        Instant now = rt.now();
        ActivityRecord draft = prepare(activity.at(at, Duration.ZERO).participants(contactId).outcome(outcome), now);
        ActivityRecord saved = rt.store().inTransaction(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, draft.customerId(), "record first contacts with");
            ContactRecord contact = tx.store(ContactStore.class).find(contactId.value())
                    .filter(c -> c.customerId() == draft.customerId())
                    .orElseThrow(() -> new ValidationException("contactId", "CustomersContact", "contact "
                            + contactId + " is no contact person of customer " + draft.customerId()));
            Set<String> responsible = rt.responsibleRoles();
            if (contact.roles().stream().noneMatch(responsible::contains)) {
                throw new ValidationException("contactId", "ResponsibleRole", "contact " + contactId
                        + " holds none of the responsible roles " + String.join(", ", responsible.stream()
                                .sorted().toList()) + " of a first " + name(kind));
            }
            if (tx.store(ActivityStore.class).firstContact(actor.id(), draft.customerId(), kind).isPresent()) {
                throw alreadyRecorded(kind, draft.customerId());
            }
            ActivityRecord inserted = insert(tx, draft, now);
            tx.store(ActivityStore.class).recordFirstContact(new FirstContactRecord(actor.id(), draft.customerId(), kind,
                    contact.id(), inserted.id(), at));
            Map<String, String> data = new LinkedHashMap<>();
            data.put("kind", kind.name());
            data.put("salesperson", actor.id());
            data.put("contact", Long.toString(contact.id()));
            data.put("activity", Long.toString(inserted.id()));
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.FIRST_CONTACT_RECORDED, "customer",
                    draft.customerId(), draft.customerId(), now, data)));
            return inserted;
        });
        return Activity.fromRecord(saved);
    }

    private ConflictException alreadyRecorded(FirstContactKind kind, long customerId) {
        return new ConflictException("'" + actor.id() + "' recorded a first " + name(kind) + " with customer "
                + customerId + " already");
    }

    private static String name(FirstContactKind kind) {
        return kind == FirstContactKind.CALL ? "call" : "meeting";
    }

    /**
     * Completes a planned activity inside a transaction of the caller's.
     *
     * @param tx the transaction
     * @param stored the activity as read, visible to the actor
     * @param outcome how it went, checked
     * @param now the time of the work
     * @return it, done
     */
    public ActivityRecord completeWithin(StoreTransaction tx, ActivityRecord stored, String outcome, Instant now) {
        if (stored.status() != ActivityStatus.PLANNED) {
            throw new ValidationException("status", "Planned", "activity " + stored.id()
                    + " is done already; only a planned activity is completed");
        }
        ActivityRecord updated = tx.store(ActivityStore.class).update(stored.completed(outcome, now));
        tx.store(EventStore.class).append(List.of(event(EventTypes.ACTIVITY_COMPLETED, updated, now,
                Map.of("type", updated.type().name(), "owner", updated.ownerId()))));
        return updated;
    }

    /**
     * @param tx the transaction
     * @param id an activity
     * @return it, when the actor may see it
     * @throws NotFoundException when it does not exist
     * @throws AccessDeniedException when the actor may not see it
     */
    public ActivityRecord visible(StoreTransaction tx, long id) {
        return visibleActivity(tx, id, "open");
    }

    private DomainEvent event(String type, ActivityRecord a, Instant now, Map<String, String> data) {
        return rt.event(actor, type, "activity", a.id(), a.customerId(), now, data);
    }

    private ActivityRecord visibleActivity(StoreTransaction tx, long id, String what) {
        return tx.store(ActivityStore.class).find(id, visibility()).orElseThrow(() -> tx.store(ActivityStore.class).exists(id)
                ? new AccessDeniedException(actor.id(), what + " activity " + id)
                : new NotFoundException("activity", id));
    }
}
