package org.crm4j.store;

import java.util.List;
import java.util.Optional;
import org.crm4j.campaign.store.CampaignRecord;

/**
 * Campaigns in a store. Need-to-know: a campaign is found with a visibility only when its owner
 * or its product manager is covered by it.
 */
public interface CampaignStore {

    /**
     * @param campaign a new campaign (id 0)
     * @return it with its id and version 0
     */
    CampaignRecord insert(CampaignRecord campaign);

    /**
     * @param campaign a changed campaign carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    CampaignRecord update(CampaignRecord campaign);

    /**
     * @param id a campaign
     * @param visibility applied in the query, to its owner and its product manager
     * @return it, if it exists and is visible
     */
    Optional<CampaignRecord> find(long id, Visibility visibility);

    /**
     * @param id a campaign
     * @return whether it exists at all
     */
    boolean exists(long id);

    /**
     * One select, without the costs: the campaign's name, currency and who runs it.
     *
     * @param id a campaign
     * @param visibility the asking actor's need-to-know, which decides {@link CampaignHead#costsVisible()}
     * @return it, if it exists (its name and who runs it are no secret, as in a campaign summary)
     */
    Optional<CampaignHead> head(long id, Visibility visibility);

    /**
     * One aggregate query: the campaign's cost entries summed per keyword, kind and day, with
     * need-to-know on the campaign (its owner or product manager covered) in its {@code WHERE}
     * clause.
     *
     * @param campaignId a campaign
     * @param visibility applied in the query, to the campaign's owner and product manager
     * @return one row per keyword, kind and day that has costs, in no particular order; none when
     *     the campaign is not visible
     */
    List<CampaignCostRow> costsPerDay(long campaignId, Visibility visibility);
}
