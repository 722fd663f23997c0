package org.crm4j.spi;

import java.time.Clock;

/** What a {@link CrmPlugin} can contribute to, and read, while the {@code Crm} is built. */
public interface PluginContext {

    /** @param listener a listener for domain events */
    void addListener(EventListener listener);

    /** @param rule a rule every stage move of a deal must pass */
    void addPipelineRule(PipelineRule rule);

    /** @return the CRM's clock */
    Clock clock();
}
