package org.crm4j.persistence.frontdoor;

import java.math.BigDecimal;
import java.util.Optional;
import org.crm4j.plugin.PipelineRule;
import org.crm4j.plugin.StageMove;

/** A pipeline rule found through {@code META-INF/services}: no deal above one million. */
public final class DealLimitRule implements PipelineRule {
    @Override
    public String id() {
        return "test.deal-limit";
    }

    @Override
    public Optional<String> check(StageMove move) {
        var amount = move.opportunity().amount();
        return amount != null && amount.amount().compareTo(new BigDecimal("1000000")) > 0
                ? Optional.of("deals above one million go through the board") : Optional.empty();
    }
}
