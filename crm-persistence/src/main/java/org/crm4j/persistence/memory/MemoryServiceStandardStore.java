package org.crm4j.persistence.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.store.RequestRecord;
import org.crm4j.activity.RequestStatus;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.store.LateRequestsRow;
import org.crm4j.store.OwnerCount;
import org.crm4j.store.ServiceStandardRow;
import org.crm4j.store.ServiceStandardStore;
import org.crm4j.store.Visibility;

/** Service standards and their checks, counted over the maps as the database's GROUP BY does. */
final class MemoryServiceStandardStore extends MemoryFeatureStore implements ServiceStandardStore {
    MemoryServiceStandardStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public List<ServiceStandardRow> all() {
        return List.copyOf(data.standards.values());
    }

    @Override
    public long put(ServiceStandardRow standard) {
        long id = idOf(standard.kind(), standard.scope()).orElseGet(tx::newId);
        tx.put(data.standards, id, standard);
        return id;
    }

    @Override
    public OptionalLong remove(String kind, String scope) {
        OptionalLong id = idOf(kind, scope).map(OptionalLong::of).orElse(OptionalLong.empty());
        id.ifPresent(i -> tx.remove(data.standards, i));
        return id;
    }

    private Optional<Long> idOf(String kind, String scope) {
        return data.standards.entrySet().stream().filter(e -> e.getValue().kind().equals(kind)
                && e.getValue().scope().equals(scope)).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public List<OwnerCount> uncontacted(String rating, Set<String> ratedApart, Set<ActivityType> contactTypes,
            Instant since, Instant asOf, Visibility visibility) {
        Set<Long> contacted = new HashSet<>();
        for (ActivityRecord a : data.activities.values()) {
            if (a.status() == ActivityStatus.DONE && contactTypes.contains(a.type())
                    && within(a.startsAt(), since, asOf)) {
                contacted.add(a.customerId());
            }
        }
        for (RequestRecord r : data.requests.values()) {
            if (r.answeredAt() != null && within(r.answeredAt(), since, asOf)) {
                contacted.add(data.activities.get(r.activityId()).customerId());
            }
        }
        return countByOwner(data.customers.values().stream()
                .filter(c -> c.status() == CustomerStatus.ACTIVE && !c.createdAt().isAfter(since))
                .filter(c -> rating != null ? rating.equals(c.rating())
                        : c.rating() == null || !ratedApart.contains(c.rating()))
                .filter(c -> needToKnow.user(visibility, c.ownerId()) && !contacted.contains(c.id()))
                .map(CustomerRecord::ownerId).toList());
    }

    @Override
    public List<LateRequestsRow> lateRequests(Instant since, Instant asOf, Visibility visibility) {
        Map<String, long[]> counts = new TreeMap<>();
        for (RequestRecord r : data.requests.values()) {
            String owner = data.activities.get(r.activityId()).ownerId();
            boolean open = r.status() == RequestStatus.OPEN;
            if (!r.dueAt().isBefore(since) && r.dueAt().isBefore(asOf) && needToKnow.user(visibility, owner)
                    && (open || r.answeredAt().isAfter(r.dueAt()))) {
                counts.computeIfAbsent(owner, k -> new long[2])[open ? 1 : 0]++;
            }
        }
        return counts.entrySet().stream().map(e -> new LateRequestsRow(e.getKey(), e.getValue()[0],
                e.getValue()[1])).toList();
    }

    @Override
    public List<OwnerCount> loggedLate(ActivityType type, int hours, Instant since, Instant asOf,
            Visibility visibility) {
        return countByOwner(data.activities.values().stream()
                .filter(a -> a.type() == type && !a.endsAt().isBefore(since) && a.endsAt().isBefore(asOf))
                .filter(a -> needToKnow.user(visibility, a.ownerId()))
                .filter(a -> (a.doneAt() == null ? asOf : a.doneAt()).isAfter(a.endsAt()
                        .plus(Duration.ofHours(hours))))
                .map(ActivityRecord::ownerId).toList());
    }

    private boolean within(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && !at.isAfter(to);
    }

    private List<OwnerCount> countByOwner(List<String> owners) {
        Map<String, Long> counts = new TreeMap<>();
        owners.forEach(o -> counts.merge(o, 1L, Long::sum));
        return counts.entrySet().stream().map(e -> new OwnerCount(e.getKey(), e.getValue())).toList();
    }
}
