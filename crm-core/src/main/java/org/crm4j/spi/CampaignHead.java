package org.crm4j.spi;

import java.util.Currency;

/**
 * What a report needs to know of a campaign besides its figures: its name and currency (no secret,
 * as in {@link org.crm4j.campaign.CampaignSummary}) and who runs it, by which need-to-know on its
 * costs is decided.
 *
 * @param id the campaign
 * @param name its name
 * @param currency the currency of its costs
 * @param ownerId who runs it
 * @param productManagerId the product manager working on it, or null
 */
public record CampaignHead(long id, String name, Currency currency, String ownerId, String productManagerId) {

    /**
     * @param visibility an actor's need-to-know
     * @return whether it covers the owner or the product manager, as {@link CampaignStore#find} decides
     */
    public boolean visibleTo(Visibility visibility) {
        return visibility.covers(ownerId) || productManagerId != null && visibility.covers(productManagerId);
    }
}
