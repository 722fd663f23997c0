package org.crm4j.campaign;

import java.time.LocalDate;

/**
 * What anyone may know about a campaign: a salesperson given a lead must be able to tell the
 * customer which campaign it came from, so name, goal, product, channel, period and status are
 * not secret. Its costs, its people and its leads are need-to-know (see {@link Campaigns#get}).
 *
 * @param id the id
 * @param name the name
 * @param goal what it is for
 * @param productCode the product it promotes, or null
 * @param channel how it reaches people, or null
 * @param startsOn its first day
 * @param endsOn its last day
 * @param status where it stands
 */
public record CampaignSummary(CampaignId id, String name, CampaignGoal goal, String productCode, String channel,
        LocalDate startsOn, LocalDate endsOn, CampaignStatus status) {
}
