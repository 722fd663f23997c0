package org.crm4j.mailing;

import org.crm4j.ValidationException;

/**
 * A mailing's id.
 *
 * @param value the number, greater than 0
 */
public record MailingId(long value) {

    /** @throws ValidationException when the value is not positive */
    public MailingId {
        if (value <= 0) {
            throw new ValidationException("mailingId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static MailingId of(long value) {
        return new MailingId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
