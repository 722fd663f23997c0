/**
 * Marketing campaigns (R17, R18): {@link org.crm4j.campaign.Campaign}s with their goal, period,
 * people and planned and actual costs (per advertising keyword, too), through
 * {@link org.crm4j.campaign.Campaigns} ({@code crm.as(actor).campaigns()}), which also opens
 * leads in bulk on a campaign's target customers ({@link org.crm4j.campaign.LeadOpening}). The
 * leads themselves are in {@link org.crm4j.lead}.
 */
package org.crm4j.campaign;
