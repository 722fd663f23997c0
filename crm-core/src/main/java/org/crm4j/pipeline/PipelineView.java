package org.crm4j.pipeline;

import java.math.BigDecimal;
import java.util.List;
import org.crm4j.common.Money;

/**
 * The open deals of a pipeline that the actor may see, per stage, with the sums of their amounts
 * and of amount × probability; computed by the database.
 *
 * @param pipeline the pipeline
 * @param stages one total per stage, in the pipeline's order (open stages only)
 */
public record PipelineView(Pipeline pipeline, List<StageTotal> stages) {

    /** Copies the list. */
    public PipelineView {
        stages = List.copyOf(stages);
    }

    /** @return the sum of every open deal's amount */
    public Money totalAmount() {
        return stages.stream().map(StageTotal::amount).reduce(Money::plus)
                .orElse(Money.rounded(BigDecimal.ZERO, pipeline.currency().getCurrencyCode()));
    }

    /** @return the probability-weighted sum of every open deal */
    public Money totalWeighted() {
        return stages.stream().map(StageTotal::weighted).reduce(Money::plus)
                .orElse(Money.rounded(BigDecimal.ZERO, pipeline.currency().getCurrencyCode()));
    }
}
