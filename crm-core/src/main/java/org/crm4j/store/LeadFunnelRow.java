package org.crm4j.store;

import org.crm4j.lead.LeadStatus;

/**
 * The leads of a campaign counted per keyword and status, as the store counts them.
 *
 * @param keyword the keyword that brought them, or null for leads without one
 * @param status where they stand
 * @param leads how many
 * @param contacted how many of them have at least one contact attempt
 */
public record LeadFunnelRow(String keyword, LeadStatus status, long leads, long contacted) {
}
