package org.crm4j.internal.activity;

import org.crm4j.store.ServiceStandardStore;
import org.crm4j.store.EventStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.crm4j.AccessDeniedException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.ServiceStandard;
import org.crm4j.activity.ServiceStandards;
import org.crm4j.activity.Shortfall;
import org.crm4j.activity.ShortfallKind;
import org.crm4j.activity.ShortfallReport;
import org.crm4j.event.EventTypes;
import org.crm4j.store.LateRequestsRow;
import org.crm4j.store.OwnerCount;
import org.crm4j.store.ServiceStandardRow;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;

/**
 * {@link ServiceStandards} for one actor. Only administrators set the standards: they decide the
 * due date of every customer's requests, company-wide; {@link #notMet} asks the store for one aggregate per
 * standard, over the salespeople the actor may see.
 */
public final class ServiceStandardService implements ServiceStandards {
    /** The activities that count as contact with a customer. */
    static final Set<ActivityType> CONTACT_TYPES = Set.of(ActivityType.CALL, ActivityType.MEETING,
            ActivityType.EMAIL);
    private static final List<String> KIND_ORDER = List.of(ServiceStandardRow.CONTACT_EVERY,
            ServiceStandardRow.ANSWER_REQUESTS_WITHIN, ServiceStandardRow.LOG_WITHIN);
    /** Contact, answer, then logging standards; each by scope, the one for every other customer first. */
    private static final Comparator<ServiceStandardRow> ORDER = Comparator
            .comparingInt((ServiceStandardRow r) -> KIND_ORDER.indexOf(r.kind()))
            .thenComparing(ServiceStandardRow::scope);
    private static final Comparator<ServiceStandard> STANDARD_ORDER = Comparator.nullsFirst(
            Comparator.comparing(ServiceStandardRow::of, ORDER));

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public ServiceStandardService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    @Override
    public ServiceStandard define(ServiceStandard standard) {
        Assert.notNull(standard, "standard");
        checkAdmin("define service standards");
        ServiceStandardRow row = ServiceStandardRow.of(standard);
        Instant now = rt.now();
        rt.store().inTransaction(tx -> {
            long id = tx.store(ServiceStandardStore.class).put(row);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.SERVICE_STANDARD_DEFINED, "service-standard", id,
                    null, now, Map.of("kind", row.kind(), "scope", row.scope(), "limit",
                            Integer.toString(row.limit())))));
            return id;
        });
        return standard;
    }

    @Override
    public boolean remove(ServiceStandard standard) {
        Assert.notNull(standard, "standard");
        checkAdmin("remove service standards");
        ServiceStandardRow row = ServiceStandardRow.of(standard);
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            OptionalLong removed = tx.store(ServiceStandardStore.class).remove(row.kind(), row.scope());
            if (removed.isPresent()) {
                tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.SERVICE_STANDARD_REMOVED, "service-standard",
                        removed.getAsLong(), null, now, Map.of("kind", row.kind(), "scope", row.scope()))));
            }
            return removed.isPresent();
        });
    }

    @Override
    public List<ServiceStandard> list() {
        return rt.store().readOnly(tx -> tx.store(ServiceStandardStore.class).all()).stream().sorted(ORDER)
                .map(ServiceStandardRow::toStandard).toList();
    }

    @Override
    public ShortfallReport notMet(Instant since, Instant asOf) {
        Assert.notNull(since, "since");
        Assert.notNull(asOf, "asOf");
        if (!since.isBefore(asOf)) {
            throw new ValidationException("since", "BeforeAsOf", "the period from " + since + " to " + asOf
                    + " is empty");
        }
        Visibility visibility = rt.access().visibilityOf(actor);
        List<Shortfall> shortfalls = rt.store().readOnly(tx -> {
            List<ServiceStandardRow> rows = tx.store(ServiceStandardStore.class).all();
            Set<String> ratedApart = rows.stream().filter(r -> r.kind().equals(ServiceStandardRow.CONTACT_EVERY))
                    .map(ServiceStandardRow::rating).filter(Objects::nonNull).collect(Collectors.toSet());
            List<Shortfall> found = new ArrayList<>();
            for (ServiceStandardRow row : rows) {
                ServiceStandard standard = row.toStandard();
                if (standard instanceof ServiceStandard.ContactEvery c) {
                    Instant windowStart = asOf.minus(Duration.ofDays(c.days()));
                    add(found, ShortfallKind.NOT_CONTACTED, standard, tx.store(ServiceStandardStore.class).uncontacted(c.rating(),
                            c.rating() == null ? ratedApart : Set.of(), CONTACT_TYPES, windowStart, asOf,
                            visibility));
                } else if (standard instanceof ServiceStandard.LogWithin l) {
                    add(found, ShortfallKind.LOGGED_LATE, standard, tx.store(ServiceStandardStore.class).loggedLate(l.type(),
                            l.hours(), since, asOf, visibility));
                }
            }
            for (LateRequestsRow late : tx.store(ServiceStandardStore.class).lateRequests(since, asOf, visibility)) {
                if (late.answeredLate() > 0) {
                    found.add(new Shortfall(late.ownerId(), ShortfallKind.ANSWERED_LATE, null, late.answeredLate()));
                }
                if (late.overdue() > 0) {
                    found.add(new Shortfall(late.ownerId(), ShortfallKind.UNANSWERED_OVERDUE, null, late.overdue()));
                }
            }
            return found;
        });
        shortfalls.sort(Comparator.comparing(Shortfall::salespersonId).thenComparing(Shortfall::kind)
                .thenComparing(Shortfall::standard, STANDARD_ORDER));
        return new ShortfallReport(since, asOf, shortfalls);
    }

    private static void add(List<Shortfall> found, ShortfallKind kind, ServiceStandard standard,
            List<OwnerCount> counts) {
        for (OwnerCount count : counts) {
            if (count.count() > 0) {
                found.add(new Shortfall(count.ownerId(), kind, standard, count.count()));
            }
        }
    }

    /** Administrators only: a standard changes the due date of every request it applies to. */
    private void checkAdmin(String what) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException(actor.id(), what + " (administrators do: a standard sets the due date"
                    + " of every customer's requests)");
        }
    }
}
