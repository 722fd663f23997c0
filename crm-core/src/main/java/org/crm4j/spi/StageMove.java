package org.crm4j.spi;

import org.crm4j.pipeline.OpportunityRecord;
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
 */
public record StageMove(Pipeline pipeline, Stage from, Stage to, OpportunityRecord opportunity, String actorId) {
}
