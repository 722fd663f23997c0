package org.crm4j.pipeline;

import org.crm4j.ValidationException;

/**
 * The id of an opportunity, assigned by the store when it is opened.
 *
 * @param value a positive number
 */
public record OpportunityId(long value) {

    /** @throws ValidationException when the value is not positive */
    public OpportunityId {
        if (value <= 0) {
            throw new ValidationException("opportunityId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static OpportunityId of(long value) {
        return new OpportunityId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
