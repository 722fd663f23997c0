package org.crm4j.sales;

import org.crm4j.ValidationException;

/**
 * The id of a service contract.
 *
 * @param value a positive number
 */
public record ServiceContractId(long value) {

    /** @throws ValidationException when the value is not positive */
    public ServiceContractId {
        if (value <= 0) {
            throw new ValidationException("serviceContractId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static ServiceContractId of(long value) {
        return new ServiceContractId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
