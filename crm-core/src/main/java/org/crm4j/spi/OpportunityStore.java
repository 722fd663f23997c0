package org.crm4j.spi;

import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.OpportunityRecord;
import org.crm4j.pipeline.StageChange;

/** Opportunities in a store. */
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
     * @param customerId a customer
     * @param visibility applied in the query
     * @return the visible deals with the customer, open ones first, then newest first
     */
    List<OpportunityRecord> ofCustomer(long customerId, Visibility visibility);

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
}
