package org.crm4j.customer;

import org.crm4j.ValidationException;

/**
 * The id of a document kept on a customer.
 *
 * @param value the number, greater than 0
 */
public record CustomerDocumentId(long value) {

    /** @throws ValidationException when the value is not positive */
    public CustomerDocumentId {
        if (value <= 0) {
            throw new ValidationException("documentId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static CustomerDocumentId of(long value) {
        return new CustomerDocumentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
