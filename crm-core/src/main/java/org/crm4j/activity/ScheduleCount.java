package org.crm4j.activity;

import org.crm4j.ValidationException;

/**
 * How many activities one user has on a schedule (R14): planned and done ones starting in its
 * period, as {@link Activities#scheduleCounts} sums them.
 *
 * @param userId the owner of the activities
 * @param planned how many are still planned
 * @param done how many are done
 */
public record ScheduleCount(String userId, long planned, long done) {

    /** @throws ValidationException when the user is missing or a count is negative */
    public ScheduleCount {
        ValidationException.requireNonNull(userId, "userId");
        if (planned < 0 || done < 0) {
            throw new ValidationException("count", "PositiveOrZero", "counts cannot be negative");
        }
    }

    /** @return planned and done together */
    public long total() {
        return planned + done;
    }
}
