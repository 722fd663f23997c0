package org.crm4j.activity;

import org.crm4j.ValidationException;

/**
 * The id of an activity, assigned by the store when it is logged.
 *
 * @param value a positive number
 */
public record ActivityId(long value) {

    /** @throws ValidationException when the value is not positive */
    public ActivityId {
        if (value <= 0) {
            throw new ValidationException("activityId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static ActivityId of(long value) {
        return new ActivityId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
