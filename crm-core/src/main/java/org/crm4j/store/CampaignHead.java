package org.crm4j.store;

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
 * @param costsVisible whether the asking actor covers the owner or the product manager, and so
 *     sees the costs, as {@link CampaignStore#find} decides
 */
public record CampaignHead(long id, String name, Currency currency, String ownerId, String productManagerId,
        boolean costsVisible) {
}
