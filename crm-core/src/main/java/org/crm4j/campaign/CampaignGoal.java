package org.crm4j.campaign;

/** What a campaign is for (R17, R24). */
public enum CampaignGoal {
    /** Win customers not yet served. */
    NEW_CUSTOMERS,
    /** Sell existing customers more of a product, or a better one; the campaign names the product. */
    UPSELL,
    /** Sell existing customers products they do not buy yet. */
    CROSS_SELL,
    /** Renew contracts that run out. */
    RENEWAL,
    /** Keep customers who may leave. */
    RETENTION,
    /** Anything else. */
    OTHER
}
