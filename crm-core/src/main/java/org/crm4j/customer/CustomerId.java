package org.crm4j.customer;

import org.crm4j.ValidationException;

/**
 * The id of a customer, assigned by the store when it is first saved.
 *
 * @param value a positive number
 */
public record CustomerId(long value) {

    /** @throws ValidationException when the value is not positive */
    public CustomerId {
        if (value <= 0) {
            throw new ValidationException("customerId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static CustomerId of(long value) {
        return new CustomerId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
