package org.crm4j.pipeline;

import java.time.Instant;

/**
 * A recorded move of a deal from one stage to another (opening, advancing, winning, losing,
 * reopening).
 *
 * @param opportunityId the deal
 * @param fromStage the stage it left, or null when it was opened
 * @param toStage the stage it entered
 * @param changedBy who moved it
 * @param changedAt when
 */
public record StageChange(OpportunityId opportunityId, String fromStage, String toStage, String changedBy,
        Instant changedAt) {
}
