package org.crm4j.pipeline;

import org.crm4j.ValidationException;

/**
 * The id of a sales order, assigned by the store when an accepted offer is turned into one.
 *
 * @param value a positive number
 */
public record SalesOrderId(long value) {

    /** @throws ValidationException when the value is not positive */
    public SalesOrderId {
        if (value <= 0) {
            throw new ValidationException("salesOrderId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static SalesOrderId of(long value) {
        return new SalesOrderId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
