package org.crm4j.pipeline;

import org.crm4j.ValidationException;

/**
 * The id of an offer, assigned by the store when it is drafted.
 *
 * @param value a positive number
 */
public record OfferId(long value) {

    /** @throws ValidationException when the value is not positive */
    public OfferId {
        if (value <= 0) {
            throw new ValidationException("offerId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static OfferId of(long value) {
        return new OfferId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
