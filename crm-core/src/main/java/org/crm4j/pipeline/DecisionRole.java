package org.crm4j.pipeline;

/** The part a contact person plays in the customer's buying decision. */
public enum DecisionRole {
    /** Decides. */
    DECISION_MAKER,
    /** Holds the budget. */
    ECONOMIC_BUYER,
    /** Judges the technical fit. */
    TECHNICAL_BUYER,
    /** Sways the decision. */
    INFLUENCER,
    /** Will use what is bought. */
    USER,
    /** Controls access to the others. */
    GATEKEEPER
}
