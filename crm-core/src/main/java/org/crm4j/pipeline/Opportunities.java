package org.crm4j.pipeline;

import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.common.Page;
import org.crm4j.customer.CustomerId;

/**
 * Deals (R10, R5, R32) as one actor may see and change them. Need-to-know (R28): only a deal's
 * owner, the owner's superiors and administrators see it. Get it from
 * {@code crm.as(actor).opportunities()}.
 */
public interface Opportunities {

    /**
     * Opens a deal on a customer the actor may open. The pipeline's rules are checked for the
     * stage it starts in.
     *
     * @param opportunity what to open
     * @return the opened deal
     * @throws ValidationException when a rule is broken (every broken rule is listed)
     * @throws AccessDeniedException when the actor may not open the customer or create deals for
     *     the owner
     */
    Opportunity open(NewOpportunity opportunity);

    /**
     * @param id a deal
     * @return the deal
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see it
     */
    Opportunity get(OpportunityId id);

    /**
     * Writes the changes made to a deal: stage moves are checked against the pipeline's rules
     * (every failing rule is listed), recorded in the stage history and raised as events.
     *
     * @param opportunity a deal read with {@link #get} and changed with its methods
     * @return the deal as now stored
     * @throws ValidationException when a rule is broken
     * @throws ConflictException when someone else changed it meanwhile
     */
    Opportunity save(Opportunity opportunity);

    /**
     * @param id a deal
     * @return every stage move, oldest first
     */
    List<StageChange> stageHistory(OpportunityId id);

    /**
     * @param customerId a customer
     * @return the deals with it that the actor may see, open ones first, newest first
     */
    List<Opportunity> ofCustomer(CustomerId customerId);

    /**
     * @param pipelineId a pipeline
     * @return the open deals the actor may see, per stage, summed by the database
     */
    PipelineView pipelineView(PipelineId pipelineId);

    /**
     * The open deals the actor may see that are stalled (R25): nothing happened on them for
     * {@link StallCriteria#idleDays()} days (no stage move, no other change, no work on its offers), or,
     * when the criteria ask for it, they are past their expected close date. Each says why. The list is one
     * query whatever the number of deals, paged by keyset (the longest idle first); the page
     * token of one page reads the next.
     *
     * @param criteria what counts as stalled, and which page
     * @return a page of stalled deals, oldest activity first
     * @throws ValidationException when the criteria are missing or the page token is not one of
     *     this list
     */
    Page<StalledDeal> stalled(StallCriteria criteria);
}
