package org.crm4j.campaign;

/**
 * What a bulk opening of leads did, so far or in all.
 *
 * @param targeted how many target customers were processed
 * @param opened how many leads were opened
 * @param alreadyOpen how many targets had a lead of the campaign already and were skipped
 */
public record LeadOpeningReport(long targeted, long opened, long alreadyOpen) {
}
