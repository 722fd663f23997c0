package org.crm4j.sales;

import org.crm4j.ValidationException;

/**
 * The id of a sales document.
 *
 * @param value a positive number
 */
public record SalesDocumentId(long value) {

    /** @throws ValidationException when the value is not positive */
    public SalesDocumentId {
        if (value <= 0) {
            throw new ValidationException("salesDocumentId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static SalesDocumentId of(long value) {
        return new SalesDocumentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
