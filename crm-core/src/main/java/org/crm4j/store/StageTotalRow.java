package org.crm4j.store;

import java.math.BigDecimal;

/**
 * One row of the pipeline view as the database sums it.
 *
 * @param stageCode the stage
 * @param count how many open deals
 * @param amount the sum of their amounts (0 when none has one)
 * @param amountTimesProbability the sum of amount × probability (in percent points)
 */
public record StageTotalRow(String stageCode, long count, BigDecimal amount, BigDecimal amountTimesProbability) {
}
