package org.crm4j.pipeline;

/**
 * What one run of {@code Crm.detectStalledDeals} did.
 *
 * @param flagged how many stalls it announced, one {@code opportunity.stalled} event each
 * @param more whether more unannounced stalls remain for the next run (the run stopped at its
 *     limit)
 */
public record StallReport(int flagged, boolean more) {
}
