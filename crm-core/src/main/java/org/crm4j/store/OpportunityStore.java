package org.crm4j.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crm4j.customer.OpportunitySummary;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.StageChange;

/**
 * Opportunities in a store.
 *
 * <p>A store keeps each deal's last activity beside it: the {@code updatedAt} of its latest insert
 * or update (a stage move is an update too), or a later time given to {@link #recordActivity}. It
 * is what {@link #stalled} measures idleness by.
 */
public interface OpportunityStore {

    /**
     * @param opportunity a new deal (id 0)
     * @return it with its id and version 0
     */
    OpportunityRecord insert(OpportunityRecord opportunity);

    /**
     * @param opportunity a changed deal carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    OpportunityRecord update(OpportunityRecord opportunity);

    /**
     * @param id a deal
     * @param visibility applied in the query, to the deal's owner
     * @return the deal if it exists and is visible
     */
    Optional<OpportunityRecord> find(long id, Visibility visibility);

    /**
     * @param id a deal
     * @return whether it exists at all
     */
    boolean exists(long id);

    /**
     * Locks the deal's row until the transaction ends, so that changes to several of its records
     * (numbering its offers, accepting one of them) are made one after the other. The deal's
     * version stays.
     *
     * @param id a deal
     */
    void lock(long id);

    /**
     * @param customerId a customer
     * @param visibility applied in the query
     * @return the visible deals with the customer, open ones first, then newest first
     */
    List<OpportunityRecord> ofCustomer(long customerId, Visibility visibility);

    /**
     * Reads the deals with a customer without their competitors and participants, as the
     * customer card lists them, in one statement where the store speaks SQL.
     *
     * @param customerId a customer
     * @param visibility applied in the query, to the deal's owner
     * @return the visible deals with the customer, open ones first, then newest first
     */
    List<OpportunitySummary> summariesOfCustomer(long customerId, Visibility visibility);

    /** @param change a stage move to keep */
    void recordStageChange(StageChange change);

    /**
     * @param opportunityId a deal
     * @return its stage moves, oldest first
     */
    List<StageChange> stageChanges(long opportunityId);

    /**
     * One aggregate query: the open deals of a pipeline per stage.
     *
     * @param pipelineId a pipeline
     * @param visibility applied in the query
     * @return one row per stage that has open deals
     */
    List<StageTotalRow> stageTotals(long pipelineId, Visibility visibility);

    /**
     * One aggregate query, the cash-flow forecast (R21): the open deals that have an amount,
     * summed per period of their expected close date, group and currency. Deals without an
     * amount and won or lost deals are left out.
     *
     * @param selection the date range, period, pipelines and grouping
     * @param visibility applied in the query, to the deal's owner
     * @return one row per period, group and currency that has such deals, in no particular order
     */
    List<ForecastRow> cashFlow(ForecastSelection selection, Visibility visibility);

    /**
     * @param pipelineId a pipeline
     * @param stageCode a stage
     * @return whether any deal, open or closed, is in that stage
     */
    boolean stageInUse(long pipelineId, String stageCode);

    /**
     * Keeps that something happened on a deal besides a change of the deal itself (an offer was
     * drafted, sent or decided), so that it is not idle: its last activity becomes {@code at}
     * unless it is later already. The deal's version stays.
     *
     * @param opportunityId a deal
     * @param at when
     */
    void recordActivity(long opportunityId, Instant at);

    /**
     * One query, whatever the number of deals: the open deals that are stalled, with
     * need-to-know in its WHERE clause.
     *
     * @param query what counts as stalled, whose deals, and which page
     * @return up to {@code query.limit()} rows, ordered by last activity, then id
     */
    List<StalledRow> stalled(StallQuery query);

    /**
     * One query: the open deals stalled for a reason whose stall was not announced yet, i.e.
     * idle while their last activity differs from the kept {@link StallMark#idleMark()}, or overdue
     * while their expected close date differs from the kept {@link StallMark#overdueClose()} (or
     * no mark is kept). The query's {@code after} is ignored: announced deals drop out.
     *
     * @param query what counts as stalled; its visibility is applied as in {@link #stalled}
     * @return up to {@code query.limit()} rows, ordered by last activity, then id
     */
    List<StalledRow> unannouncedStalls(StallQuery query);

    /**
     * Keeps that stalls were announced, without changing the deals (their versions stay).
     *
     * @param marks one per deal; a deal's earlier mark is replaced, keeping the parts a mark leaves
     *     null
     * @throws org.crm4j.ConflictException when another writer kept a mark for one of the deals
     *     meanwhile
     */
    void markStallsAnnounced(List<StallMark> marks);

    /**
     * A customer's hand-over (R28): all its open deals go to the new owner, each with its version moved
     * on (someone editing one gets a conflict, not a lost change); closed ones keep their owner.
     *
     * @param customerId the customer
     * @param toOwner its new owner
     * @return the ids of the deals moved
     */
    List<Long> reassignOpen(long customerId, String toOwner);
}
