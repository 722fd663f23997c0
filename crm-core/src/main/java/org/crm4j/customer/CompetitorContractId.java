package org.crm4j.customer;

import org.crm4j.ValidationException;

/**
 * The id of a customer's contract with a competitor.
 *
 * @param value a positive number
 */
public record CompetitorContractId(long value) {

    /** @throws ValidationException when the value is not positive */
    public CompetitorContractId {
        if (value <= 0) {
            throw new ValidationException("competitorContractId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static CompetitorContractId of(long value) {
        return new CompetitorContractId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
