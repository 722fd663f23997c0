package org.crm4j.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * What a schedule (R14) shows; pass it to {@link Activities#schedule} or
 * {@link Activities#scheduleCounts}: the activities that start in a period {@code [from, to)},
 * planned, done or both, of one user, of a team, or of everyone the actor may see.
 *
 * <pre>{@code
 * Page<Activity> week = crm.as(mia).activities().schedule(ScheduleQuery.team("mia",
 *         Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("2026-03-09T00:00:00Z")).planned());
 * }</pre>
 *
 * <p>An activity is on the schedule of its owner (the responsible salesperson). A team is a
 * manager and everyone who reports to them, directly or not, as the host's user directory tells
 * it. The schedule is ordered as a calendar is read: earliest start first, then lowest id, and
 * paged by keyset ({@link #after(String)} with the previous page's token). A query is an immutable
 * value: every method returns a new one.
 */
public final class ScheduleQuery {
    /** The longest period a schedule covers. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);
    /** The largest page. */
    public static final int MAX_PAGE_SIZE = 500;
    /** The page size unless one is given. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** Whose activities a schedule shows. */
    public enum Scope {
        /** One user's. */
        USER,
        /** A manager's and of everyone who reports to them, directly or not. */
        TEAM,
        /** Of everyone whose activities the actor may see. */
        VISIBLE
    }

    private final Scope scope;
    private final String userId;
    private final Instant from;
    private final Instant to;
    private final Set<ActivityStatus> statuses;
    private final int pageSize;
    private final String pageToken;

    private ScheduleQuery(Scope scope, String userId, Instant from, Instant to, Set<ActivityStatus> statuses,
            int pageSize, String pageToken) {
        this.scope = scope;
        this.userId = userId;
        this.from = from;
        this.to = to;
        this.statuses = statuses;
        this.pageSize = pageSize;
        this.pageToken = pageToken;
    }

    /**
     * @param userId a user the directory knows
     * @param from the first instant included
     * @param to the first instant no longer included
     * @return the user's schedule, planned and done
     * @throws ValidationException listing every broken rule: a missing user or instant, {@code to}
     *     not after {@code from}, a period longer than {@link #MAX_SPAN}
     */
    public static ScheduleQuery user(String userId, Instant from, Instant to) {
        return create(Scope.USER, userId, from, to);
    }

    /**
     * @param managerId a user the directory knows
     * @param from the first instant included
     * @param to the first instant no longer included
     * @return the schedule of the manager and of everyone reporting to them, directly or not
     * @throws ValidationException as {@link #user}
     */
    public static ScheduleQuery team(String managerId, Instant from, Instant to) {
        return create(Scope.TEAM, managerId, from, to);
    }

    /**
     * @param from the first instant included
     * @param to the first instant no longer included
     * @return the schedule of everyone whose activities the actor may see
     * @throws ValidationException as {@link #user}, but for the user
     */
    public static ScheduleQuery visible(Instant from, Instant to) {
        return create(Scope.VISIBLE, null, from, to);
    }

    private static ScheduleQuery create(Scope scope, String userId, Instant from, Instant to) {
        List<Violation> violations = new ArrayList<>();
        if (scope != Scope.VISIBLE && (userId == null || userId.isBlank())) {
            violations.add(new Violation("userId", "NotBlank", "name whose schedule to show"));
        }
        if (from == null) {
            violations.add(new Violation("from", "NotNull", "cannot be null"));
        }
        if (to == null) {
            violations.add(new Violation("to", "NotNull", "cannot be null"));
        }
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                violations.add(new Violation("to", "AfterFrom", "must be after from (" + from + "), was " + to));
            } else if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
                violations.add(new Violation("to", "MaxSpan", "a schedule covers at most " + MAX_SPAN.toDays()
                        + " days, up to " + from.plus(MAX_SPAN) + "; was " + to));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new ScheduleQuery(scope, userId, from, to, EnumSet.allOf(ActivityStatus.class), DEFAULT_PAGE_SIZE,
                null);
    }

    /** @return this query for planned activities only */
    public ScheduleQuery planned() {
        return new ScheduleQuery(scope, userId, from, to, EnumSet.of(ActivityStatus.PLANNED), pageSize, pageToken);
    }

    /** @return this query for done activities only */
    public ScheduleQuery done() {
        return new ScheduleQuery(scope, userId, from, to, EnumSet.of(ActivityStatus.DONE), pageSize, pageToken);
    }

    /**
     * @param size 1 to {@value #MAX_PAGE_SIZE}
     * @return this query with that page size
     * @throws ValidationException when the size is out of range
     */
    public ScheduleQuery pageSize(int size) {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("pageSize", "Range", "must be 1 to " + MAX_PAGE_SIZE + ", was " + size);
        }
        return new ScheduleQuery(scope, userId, from, to, statuses, size, pageToken);
    }

    /**
     * @param token the previous page's {@link org.crm4j.common.Page#nextPageToken()}, or null for
     *     the first page
     * @return this query for the page after it
     */
    public ScheduleQuery after(String token) {
        return new ScheduleQuery(scope, userId, from, to, statuses, pageSize, token);
    }

    /** @return whose activities */
    public Scope scope() {
        return scope;
    }

    /** @return the user or the team's manager; null for {@link Scope#VISIBLE} */
    public String userId() {
        return userId;
    }

    /** @return the first instant included */
    public Instant from() {
        return from;
    }

    /** @return the first instant no longer included */
    public Instant to() {
        return to;
    }

    /** @return planned, done or both */
    public Set<ActivityStatus> statuses() {
        return Set.copyOf(statuses);
    }

    /** @return how many activities a page holds at most */
    public int pageSize() {
        return pageSize;
    }

    /** @return where the previous page ended, or null for the first page */
    public String pageToken() {
        return pageToken;
    }

    @Override
    public String toString() {
        return "schedule[" + scope + (userId == null ? "" : " " + userId) + " " + from + ".." + to + " "
                + statuses + "]";
    }
}
