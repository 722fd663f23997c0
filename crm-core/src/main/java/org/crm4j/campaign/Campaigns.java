package org.crm4j.campaign;

import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;

/**
 * Marketing campaigns (R17, R18) as one actor may see and run them. Get it from
 * {@code crm.as(actor).campaigns()}.
 *
 * <p>Need-to-know (R28): a campaign, with its costs, is visible to its owner, its product
 * manager, their superiors and administrators. What a salesperson given one of its leads needs
 * to know of it (name, goal, period, status) is no secret and is read with {@link #summary}.
 */
public interface Campaigns {

    /**
     * Defines a planned campaign, raising {@code campaign.defined}.
     *
     * @param campaign what it is
     * @return the campaign
     * @throws ValidationException when the period ends before it starts, a cost is in another
     *     currency, the owner or product manager is unknown, or an upsell names no product
     * @throws AccessDeniedException when neither its owner nor its product manager is the actor or
     *     reports to the actor
     */
    Campaign define(NewCampaign campaign);

    /**
     * @param id a campaign
     * @return it, with its costs
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see it
     */
    Campaign get(CampaignId id);

    /**
     * @param id a campaign
     * @return what anyone may know about it
     * @throws NotFoundException when there is none
     */
    CampaignSummary summary(CampaignId id);

    /**
     * Writes the changes made to a campaign, raising {@code campaign.updated} for edits and
     * {@code campaign.started} or {@code campaign.ended} for a step of its life cycle.
     *
     * @param campaign a campaign read with {@link #get} and changed with its methods
     * @return it as now stored
     * @throws ValidationException when a rule is broken
     * @throws ConflictException when someone else changed it meanwhile
     * @throws AccessDeniedException when the actor may not see it, or hands it to someone the
     *     actor may not see
     */
    Campaign save(Campaign campaign);

    /**
     * Opens a lead on every target customer of a planned or running campaign (R17), in batches,
     * each lead raising {@code lead.opened} and {@code lead.assigned}. Idempotent: a target with a
     * lead of the campaign already is skipped. Everything that can be checked up front is checked
     * before the first batch is written: unknown target customers, targets the actor may not open,
     * unknown assignees, a team without members.
     *
     * @param id the campaign
     * @param opening the targets, the assignment policy, the batch size and a progress callback
     * @return what was done
     * @throws ValidationException when the campaign has ended, a listed customer or an assignee is
     *     unknown, or a team has no members
     * @throws AccessDeniedException when the actor may not see the campaign, open a listed customer
     *     or see an assignee
     * @throws NotFoundException when there is no such campaign
     */
    LeadOpeningReport openLeads(CampaignId id, LeadOpening opening);
}
