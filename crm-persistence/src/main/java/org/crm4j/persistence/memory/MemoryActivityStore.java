package org.crm4j.persistence.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.crm4j.ConflictException;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.store.FirstContactRecord;
import org.crm4j.activity.ScheduleCount;
import org.crm4j.store.ActivityStore;
import org.crm4j.store.FirstContactCountRow;
import org.crm4j.store.FirstContactSelection;
import org.crm4j.store.Keyset;
import org.crm4j.store.ScheduleSelection;
import org.crm4j.store.Visibility;

/**
 * Activities and the first-contact ledger, in the same transaction; one ledger entry per
 * salesperson, customer and kind, as the database's unique rule.
 */
final class MemoryActivityStore extends MemoryFeatureStore implements ActivityStore {
    private static final Comparator<ActivityRecord> LATEST_FIRST = Comparator
            .comparing(ActivityRecord::startsAt).thenComparingLong(ActivityRecord::id).reversed();

    MemoryActivityStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public ActivityRecord insert(ActivityRecord activity) {
        checkWritable();
        ActivityRecord stored = activity.withIdentity(newId(), 0);
        put(data.activities, stored.id(), stored);
        return stored;
    }

    @Override
    public ActivityRecord update(ActivityRecord activity) {
        ActivityRecord stored = replaceVersioned(data.activities, activity.id(), activity.version(),
                ActivityRecord::version,
                "activity " + activity.id(), next -> activity.withIdentity(activity.id(), next));
        return stored;
    }

    @Override
    public Optional<ActivityRecord> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.activities.get(id))
                .filter(a -> needToKnow.record(visibility, a.customerId(), a.ownerId()));
    }

    @Override
    public boolean exists(long id) {
        return data.activities.containsKey(id);
    }

    @Override
    public List<ActivityRecord> ofCustomer(long customerId, Visibility visibility, Keyset after, int limit) {
        return data.activities.values().stream().filter(a -> a.customerId() == customerId)
                .filter(a -> needToKnow.record(visibility, a.customerId(), a.ownerId()))
                .filter(a -> after == null || a.startsAt().isBefore((Instant) after.sortValue())
                        || a.startsAt().equals(after.sortValue()) && a.id() < after.id())
                .sorted(LATEST_FIRST).limit(limit).toList();
    }

    @Override
    public Optional<FirstContactRecord> firstContact(String salespersonId, long customerId,
            FirstContactKind kind) {
        return Optional.ofNullable(data.firstContacts.get(List.of(salespersonId, customerId, kind)));
    }

    @Override
    public void recordFirstContact(FirstContactRecord entry) {
        checkWritable();
        List<Object> key = List.of(entry.salespersonId(), entry.customerId(), entry.kind());
        if (data.firstContacts.containsKey(key)) {
            throw new ConflictException("the salesperson recorded this first contact with the customer"
                    + " already (recorded at the same time)");
        }
        put(data.firstContacts, key, entry);
    }

    @Override
    public List<ActivityRecord> schedule(ScheduleSelection selection, Visibility visibility, Keyset after,
            int limit) {
        return data.activities.values().stream().filter(a -> scheduled(a, selection, visibility))
                .filter(a -> after == null || a.startsAt().isAfter((Instant) after.sortValue())
                        || a.startsAt().equals(after.sortValue()) && a.id() > after.id())
                .sorted(Comparator.comparing(ActivityRecord::startsAt).thenComparingLong(ActivityRecord::id))
                .limit(limit).toList();
    }

    @Override
    public List<ScheduleCount> scheduleCounts(ScheduleSelection selection, Visibility visibility) {
        Map<String, long[]> counts = new TreeMap<>();
        data.activities.values().stream().filter(a -> scheduled(a, selection, visibility)).forEach(a ->
                counts.computeIfAbsent(a.ownerId(), o -> new long[2])[a.status() == ActivityStatus.PLANNED
                        ? 0 : 1]++);
        List<ScheduleCount> result = new ArrayList<>();
        counts.forEach((owner, c) -> result.add(new ScheduleCount(owner, c[0], c[1])));
        return result;
    }

    private boolean scheduled(ActivityRecord a, ScheduleSelection selection, Visibility visibility) {
        return !a.startsAt().isBefore(selection.from()) && a.startsAt().isBefore(selection.to())
                && selection.statuses().contains(a.status())
                && (selection.ownerIds() == null || selection.ownerIds().contains(a.ownerId()))
                && needToKnow.record(visibility, a.customerId(), a.ownerId());
    }

    @Override
    public List<FirstContactCountRow> firstContactCounts(FirstContactSelection selection,
            Visibility visibility) {
        List<Instant> bounds = selection.boundaries();
        Map<List<Object>, long[]> sums = new HashMap<>();
        for (FirstContactRecord f : data.firstContacts.values()) {
            if (f.at().isBefore(bounds.get(0)) || !f.at().isBefore(bounds.get(bounds.size() - 1))
                    || !needToKnow.record(visibility, f.customerId(), f.salespersonId())) {
                continue;
            }
            int period = 0;
            while (!f.at().isBefore(bounds.get(period + 1))) {
                period++;
            }
            Instant until = f.at().plus(selection.dealWindow());
            boolean followed = data.opportunities.values().stream().anyMatch(o -> o.customerId() == f.customerId()
                    && o.ownerId().equals(f.salespersonId()) && !o.createdAt().isBefore(f.at())
                    && o.createdAt().isBefore(until));
            long[] sum = sums.computeIfAbsent(List.of(f.salespersonId(), period, f.kind()), k -> new long[2]);
            sum[0]++;
            sum[1] += followed ? 1 : 0;
        }
        List<FirstContactCountRow> rows = new ArrayList<>();
        sums.forEach((key, sum) -> rows.add(new FirstContactCountRow((String) key.get(0), (Integer) key.get(1),
                (FirstContactKind) key.get(2), sum[0], sum[1])));
        return rows;
    }

    @Override
    public List<Long> reassignPlanned(long customerId, String toOwner) {
        checkWritable();
        List<Long> moved = new java.util.ArrayList<>();
        for (ActivityRecord x : List.copyOf(data.activities.values())) {
            if (x.customerId() == customerId && !x.ownerId().equals(toOwner) && x.status() == org.crm4j.activity.ActivityStatus.PLANNED) {
                put(data.activities, x.id(), x.withOwner(toOwner));
                moved.add(x.id());
            }
        }
        return moved;
    }
}
