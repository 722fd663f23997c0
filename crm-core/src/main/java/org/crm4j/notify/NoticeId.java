package org.crm4j.notify;

import org.crm4j.ValidationException;

/**
 * The id of a notice, assigned by the store when the notice is created.
 *
 * @param value a positive number
 */
public record NoticeId(long value) {

    /** @throws ValidationException when the value is not positive */
    public NoticeId {
        if (value <= 0) {
            throw new ValidationException("noticeId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static NoticeId of(long value) {
        return new NoticeId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
