package org.crm4j.internal.activity;

import org.crm4j.store.ServiceStandardStore;
import org.crm4j.store.RequestStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.ContactStore;
import org.crm4j.store.ActivityStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.activity.ActivityId;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.InboundRequest;
import org.crm4j.activity.NewRequest;
import org.crm4j.activity.Request;
import org.crm4j.activity.store.RequestRecord;
import org.crm4j.activity.RequestStatus;
import org.crm4j.activity.Requests;
import org.crm4j.common.Page;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.store.Keyset;
import org.crm4j.store.ServiceStandardRow;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.StoredRequest;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.PageTokens;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;
import org.crm4j.internal.customer.CustomerService;

/**
 * {@link Requests} for one actor: need-to-know follows the request's activity (its owner), as for
 * every activity. The intake of an integration is idempotent by the source system's id, which the
 * store's unique rule holds against concurrent intakes.
 */
public final class RequestService implements Requests {
    /** The longest reason for reopening a request. */
    static final int MAX_REASON = 2000;

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public RequestService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public Request log(NewRequest request) {
        Assert.notNull(request, "request");
        return intake(request, null, null);
    }

    @Override
    public Request receive(InboundRequest inbound) {
        Assert.notNull(inbound, "request");
        try {
            return intake(inbound.request(), inbound.sourceSystem(), inbound.sourceId());
        } catch (ConflictException e) {
            // a concurrent intake of the same source id won the store's unique rule: its request is the answer
            Optional<StoredRequest> first = rt.store().readOnly(tx -> tx.store(RequestStore.class).bySource(inbound.sourceSystem(),
                    inbound.sourceId()));
            if (first.isEmpty()) {
                throw e;
            }
            return visibleFirst(first.get());
        }
    }

    /** Logs a request in one transaction; with a source, returns the request received before with it. */
    private Request intake(NewRequest request, String sourceSystem, String sourceId) {
        Instant now = rt.now();
        List<Violation> stored = StoredValues.violations(request);
        if (sourceSystem != null && StoredValues.broken(sourceSystem)) {
            stored.add(StoredValues.violation("sourceSystem"));
        }
        if (sourceId != null && StoredValues.broken(sourceId)) {
            stored.add(StoredValues.violation("sourceId"));
        }
        if (!stored.isEmpty()) {
            throw new ValidationException(stored);
        }
        request.check(now);
        return rt.store().inTransaction(tx -> {
            if (sourceSystem != null) {
                Optional<StoredRequest> first = tx.store(RequestStore.class).bySource(sourceSystem, sourceId);
                if (first.isPresent()) {
                    return visibleFirst(first.get());
                }
            }
            CustomerRecord customer = CustomerService.openableCustomer(tx, visibility(), actor,
                    request.customerId().value(), "log requests of");
            String owner = request.ownerOr(customer.ownerId());
            List<Violation> violations = new ArrayList<>();
            if (!owner.equals(customer.ownerId())) {
                rt.access().unknownOwner(owner).ifPresent(violations::add);
            }
            if (request.contactId() != null && tx.store(ContactStore.class).find(request.contactId().value())
                    .filter(c -> c.customerId() == customer.id()).isEmpty()) {
                violations.add(new Violation("contactId", "CustomersContact", "contact " + request.contactId()
                        + " is no contact person of customer " + customer.id()));
            }
            if (!violations.isEmpty()) {
                throw new ValidationException(violations);
            }
            if (!visibility().covers(owner)) {
                throw new AccessDeniedException(actor.id(), "log requests answered by '" + owner + "'");
            }
            int days = answerWorkingDays(tx, customer.rating());
            Instant due = rt.plusWorkingDays(request.receivedAtOr(now), days);
            Instant escalate = rt.plusWorkingDays(due, days);
            ActivityRecord activity = tx.store(ActivityStore.class).insert(request.toActivity(owner, actor.id(), now));
            RequestRecord state = tx.store(RequestStore.class).insert(request.toRequest(sourceSystem, sourceId, due, escalate, now)
                    .withIdentity(activity.id(), 0));
            Map<String, String> data = data(activity);
            data.put("kind", state.kind().name());
            data.put("subject", activity.outcome());
            data.put("due", due.toString());
            if (state.received()) {
                data.put("source", sourceSystem + ":" + sourceId);
            }
            tx.store(EventStore.class).append(List.of(event(EventTypes.REQUEST_OPENED, activity, now, data)));
            return Request.fromRecords(activity, state);
        });
    }

    /** The request received first with a source id, when the actor may see it. */
    private Request visibleFirst(StoredRequest first) {
        if (!visibility().covers(first.activity().ownerId())) {
            throw new AccessDeniedException(actor.id(), "receive again request " + first.activity().id()
                    + " of source " + first.request().sourceSystem() + ":" + first.request().sourceId());
        }
        return Request.fromRecords(first.activity(), first.request());
    }

    /**
     * The working days a request of a customer with that rating gets: the answer standard for the
     * rating, else the one for every other customer, else the default.
     */
    static int answerWorkingDays(StoreTransaction tx, String rating) {
        Integer general = null;
        for (ServiceStandardRow row : tx.store(ServiceStandardStore.class).all()) {
            if (row.kind().equals(ServiceStandardRow.ANSWER_REQUESTS_WITHIN)) {
                if (rating != null && rating.equals(row.rating())) {
                    return row.limit();
                }
                if (row.rating() == null) {
                    general = row.limit();
                }
            }
        }
        return general == null ? DEFAULT_ANSWER_WORKING_DAYS : general;
    }

    @Override
    public Request get(ActivityId id) {
        Assert.notNull(id, "id");
        StoredRequest stored = rt.store().readOnly(tx -> visibleRequest(tx, id.value(), "open"));
        return Request.fromRecords(stored.activity(), stored.request());
    }

    @Override
    public Request answer(ActivityId id, String answer) {
        Assert.notNull(id, "id");
        String text = checkedText("answer", answer, RequestRecord.MAX_TEXT, "give the answer");
        Instant now = rt.now();
        return change(id, "answer", (tx, stored) -> {
            requireStatus(stored.request(), RequestStatus.OPEN, "Open", "only an open request is answered (reopen"
                    + " it to answer it again)");
            return stored.request().answered(actor.id(), text, now);
        }, (activity, updated) -> {
            Map<String, String> data = data(activity);
            data.put("by", actor.id());
            data.put("late", Boolean.toString(now.isAfter(updated.dueAt())));
            return event(EventTypes.REQUEST_ANSWERED, activity, now, data);
        });
    }

    @Override
    public Request close(ActivityId id) {
        Assert.notNull(id, "id");
        Instant now = rt.now();
        return change(id, "close", (tx, stored) -> {
            requireStatus(stored.request(), RequestStatus.ANSWERED, "Answered", "only an answered request is"
                    + " closed, so that none is closed unanswered");
            return stored.request().closed(actor.id(), now);
        }, (activity, updated) -> event(EventTypes.REQUEST_CLOSED, activity, now, data(activity)));
    }

    @Override
    public Request reopen(ActivityId id, String reason) {
        Assert.notNull(id, "id");
        String why = checkedText("reason", reason, MAX_REASON, "say why the request is reopened");
        Instant now = rt.now();
        return change(id, "reopen", (tx, stored) -> {
            long requestId = stored.activity().id();
            if (stored.request().status() == RequestStatus.OPEN) {
                throw new ValidationException("status", "NotOpen", "request " + requestId
                        + " is open; only an answered or closed request is reopened");
            }
            // due anew from now, by the customer's rating now, and free to escalate again
            String rating = tx.store(CustomerStore.class).find(stored.activity().customerId(), Visibility.everything())
                    .map(CustomerRecord::rating).orElse(null);
            int days = answerWorkingDays(tx, rating);
            Instant due = rt.plusWorkingDays(now, days);
            tx.store(RequestStore.class).resetEscalation(requestId);
            return stored.request().reopened(due, rt.plusWorkingDays(due, days), now);
        }, (activity, updated) -> {
            Map<String, String> data = data(activity);
            data.put("reason", why);
            data.put("due", updated.dueAt().toString());
            return event(EventTypes.REQUEST_REOPENED, activity, now, data);
        });
    }

    private static void requireStatus(RequestRecord stored, RequestStatus wanted, String rule, String why) {
        if (stored.status() != wanted) {
            throw new ValidationException("status", rule, "request " + stored.activityId() + " is "
                    + stored.status().name().toLowerCase(Locale.ROOT) + "; " + why);
        }
    }

    /**
     * Reads the request the actor may see, applies the transition (which refuses a change the
     * request's status does not allow) and stores the result with its event, in one transaction.
     */
    private Request change(ActivityId id, String what, BiFunction<StoreTransaction, StoredRequest, RequestRecord>
            transition, BiFunction<ActivityRecord, RequestRecord, DomainEvent> announcement) {
        return rt.store().inTransaction(tx -> {
            StoredRequest stored = visibleRequest(tx, id.value(), what);
            RequestRecord updated = tx.store(RequestStore.class).update(transition.apply(tx, stored));
            tx.store(EventStore.class).append(List.of(announcement.apply(stored.activity(), updated)));
            return Request.fromRecords(stored.activity(), updated);
        });
    }

    @Override
    public Page<Request> overdue(String pageToken, int pageSize) {
        Assert.pageSize(pageSize);
        Keyset after = pageToken == null ? null : PageTokens.decodeOverdueRequests(pageToken);
        Instant now = rt.now();
        List<StoredRequest> rows = rt.store().readOnly(tx -> tx.store(RequestStore.class).overdue(now, visibility(), after,
                pageSize + 1));
        boolean more = rows.size() > pageSize;
        List<StoredRequest> page = more ? rows.subList(0, pageSize) : rows;
        RequestRecord last = page.isEmpty() ? null : page.get(page.size() - 1).request();
        String next = more ? PageTokens.encodeOverdueRequests(new Keyset(last.dueAt(), last.activityId())) : null;
        return new Page<>(page.stream().map(r -> Request.fromRecords(r.activity(), r.request())).toList(), next);
    }

    private static String checkedText(String field, String text, int max, String missing) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "NotBlank", missing);
        }
        String clean = text.strip();
        if (clean.length() > max) {
            throw new ValidationException(field, "Size", "at most " + max + " characters, was " + clean.length());
        }
        if (StoredValues.broken(clean)) {
            throw new ValidationException(List.of(StoredValues.violation(field)));
        }
        return clean;
    }

    /** The data every event about a request has: its activity and its owner. */
    private static Map<String, String> data(ActivityRecord activity) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("activity", Long.toString(activity.id()));
        data.put("owner", activity.ownerId());
        return data;
    }

    private DomainEvent event(String type, ActivityRecord activity, Instant now, Map<String, String> data) {
        return rt.event(actor, type, "request", activity.id(), activity.customerId(), now, data);
    }

    private StoredRequest visibleRequest(StoreTransaction tx, long id, String what) {
        return tx.store(RequestStore.class).find(id, visibility()).orElseThrow(() -> tx.store(RequestStore.class).exists(id)
                ? new AccessDeniedException(actor.id(), what + " request " + id)
                : new NotFoundException("request", id));
    }
}
