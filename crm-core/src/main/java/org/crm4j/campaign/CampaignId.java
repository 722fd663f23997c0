package org.crm4j.campaign;

import org.crm4j.ValidationException;

/**
 * The id of a campaign, assigned by the store when it is defined.
 *
 * @param value a positive number
 */
public record CampaignId(long value) {

    /** @throws ValidationException when the value is not positive */
    public CampaignId {
        if (value <= 0) {
            throw new ValidationException("campaignId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static CampaignId of(long value) {
        return new CampaignId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
