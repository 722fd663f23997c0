package org.crm4j.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.activity.ActivityStatus;

/**
 * Which activities a schedule (R14) holds, as a store selects them: those starting in
 * {@code [from, to)} with one of the statuses, owned by one of the named users (or by anyone).
 * Need-to-know is the {@link Visibility} passed beside it, applied by the store's one rule.
 *
 * @param from the first start included
 * @param to the first start no longer included; after {@code from}
 * @param statuses planned, done or both; not empty
 * @param ownerIds whose activities: a user, or a manager and everyone reporting to them; null for
 *     every activity the actor may see
 */
public record ScheduleSelection(Instant from, Instant to, Set<ActivityStatus> statuses, Set<String> ownerIds) {

    /** @throws ValidationException listing every missing part, and when {@code to} is not after {@code from} */
    public ScheduleSelection {
        List<Violation> violations = new ArrayList<>();
        if (from == null) {
            violations.add(new Violation("from", "NotNull", "cannot be null"));
        }
        if (to == null) {
            violations.add(new Violation("to", "NotNull", "cannot be null"));
        }
        if (from != null && to != null && !to.isAfter(from)) {
            violations.add(new Violation("to", "AfterFrom", "must be after " + from + ", was " + to));
        }
        if (statuses == null || statuses.isEmpty()) {
            violations.add(new Violation("statuses", "NotEmpty", "name the statuses to include"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        statuses = Set.copyOf(statuses);
        ownerIds = ownerIds == null ? null : Set.copyOf(ownerIds);
    }

    /**
     * @param from the first start included
     * @param to the first start no longer included
     * @param statuses planned, done or both
     * @return every activity in that window the actor may see
     */
    public static ScheduleSelection visible(Instant from, Instant to, Set<ActivityStatus> statuses) {
        return new ScheduleSelection(from, to, statuses, null);
    }
}
