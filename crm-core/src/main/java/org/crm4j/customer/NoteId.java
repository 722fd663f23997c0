package org.crm4j.customer;

import org.crm4j.ValidationException;

/**
 * The id of a note, assigned by the store when it is first saved.
 *
 * @param value a positive number
 */
public record NoteId(long value) {

    /** @throws ValidationException when the value is not positive */
    public NoteId {
        if (value <= 0) {
            throw new ValidationException("noteId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static NoteId of(long value) {
        return new NoteId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
