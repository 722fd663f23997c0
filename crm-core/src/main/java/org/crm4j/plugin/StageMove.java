package org.crm4j.plugin;

import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;

/**
 * A stage move as a {@link PipelineRule} sees it.
 *
 * @param pipeline the deal's pipeline
 * @param from the stage it leaves, or null when the deal is being opened
 * @param to the stage it enters
 * @param opportunity the deal as it will be after the move
 * @param actorId who moves it
 * @param offerSent whether an offer of the deal has been sent to the customer (it may since have
 *     been accepted, rejected or expired); false while the deal is being opened
 */
public record StageMove(Pipeline pipeline, Stage from, Stage to, OpportunityRecord opportunity, String actorId,
        boolean offerSent) {
}
