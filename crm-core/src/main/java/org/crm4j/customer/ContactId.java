package org.crm4j.customer;

import org.crm4j.ValidationException;

/**
 * The id of a contact, assigned by the store when it is first saved.
 *
 * @param value a positive number
 */
public record ContactId(long value) {

    /** @throws ValidationException when the value is not positive */
    public ContactId {
        if (value <= 0) {
            throw new ValidationException("contactId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static ContactId of(long value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
