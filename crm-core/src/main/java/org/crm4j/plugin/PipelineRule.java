package org.crm4j.plugin;

import java.util.Optional;

/**
 * A rule a deal's stage move must pass. Rules are registered on the builder
 * ({@code Crm.builder().pipelineRule(rule)}), by a plugin, or found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/org.crm4j.plugin.PipelineRule}.
 * Every rule is checked on every move (opening, advancing, winning, reopening); a refusal lists
 * every rule that failed. Implementations must be thread-safe and must not write.
 */
public interface PipelineRule {

    /** @return a short unique id, shown with a refusal, e.g. {@code discount-approved} */
    String id();

    /**
     * @param move the move to check
     * @return why the move is refused, or empty when the rule lets it pass
     */
    Optional<String> check(StageMove move);
}
