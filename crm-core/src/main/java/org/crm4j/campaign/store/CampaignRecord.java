package org.crm4j.campaign.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.CampaignStatus;
import org.crm4j.campaign.CostEntry;

/**
 * The stored state of a campaign, as the core hands it to a store and gets it back.
 *
 * @param id the id; 0 before the first insert
 * @param version the optimistic version
 * @param name its name
 * @param goal what it is for
 * @param productCode the product it promotes (required for an upsell), or null
 * @param startsOn its first day
 * @param endsOn its last day
 * @param channel how it reaches people (e.g. {@code search ads}, {@code mailing}), or null
 * @param ownerId who runs it, often a sales manager
 * @param productManagerId the product manager working on it, or null
 * @param currency the currency of its costs
 * @param status planned, running or ended
 * @param costs its cost entries, in the order entered
 * @param createdBy who defined it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
public record CampaignRecord(long id, long version, String name, CampaignGoal goal, String productCode,
        LocalDate startsOn, LocalDate endsOn, String channel, String ownerId, String productManagerId,
        Currency currency, CampaignStatus status, List<CostEntry> costs, String createdBy, Instant createdAt,
        Instant updatedAt) {

    /** Copies the costs. */
    public CampaignRecord {
        costs = List.copyOf(costs);
    }

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the identity a store assigned
     */
    public CampaignRecord withIdentity(long newId, long newVersion) {
        return new CampaignRecord(newId, newVersion, name, goal, productCode, startsOn, endsOn, channel, ownerId,
                productManagerId, currency, status, costs, createdBy, createdAt, updatedAt);
    }
}
