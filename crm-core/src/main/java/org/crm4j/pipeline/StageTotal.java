package org.crm4j.pipeline;

import org.crm4j.common.Money;

/**
 * The open deals in one stage of a pipeline view.
 *
 * @param stage the stage
 * @param count how many open deals are in it
 * @param amount the sum of their amounts
 * @param weighted the sum of amount × probability
 */
public record StageTotal(Stage stage, long count, Money amount, Money weighted) {
}
