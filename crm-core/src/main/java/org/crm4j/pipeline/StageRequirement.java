package org.crm4j.pipeline;

/**
 * What the built-in pipeline rules require before a deal may enter a stage. Configured per
 * stage; custom rules come through the {@code PipelineRule} SPI.
 */
public enum StageRequirement {
    /** The deal has an amount. */
    AMOUNT,
    /** A contact person with the decision-maker role is involved in the deal. */
    DECISION_MAKER,
    /** An offer of the deal has been sent to the customer. */
    OFFER_SENT
}
