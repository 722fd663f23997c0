package org.crm4j.lead;

import org.crm4j.ValidationException;

/**
 * The id of a lead, assigned by the store when it is opened.
 *
 * @param value a positive number
 */
public record LeadId(long value) {

    /** @throws ValidationException when the value is not positive */
    public LeadId {
        if (value <= 0) {
            throw new ValidationException("leadId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static LeadId of(long value) {
        return new LeadId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
