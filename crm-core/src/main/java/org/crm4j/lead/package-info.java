/**
 * Leads (R17): {@link org.crm4j.lead.Lead}s on customers or, inbound, on
 * {@link org.crm4j.lead.Prospect}s, with their campaign and keyword, worked through
 * {@link org.crm4j.lead.Leads} ({@code crm.as(actor).leads()}) from new to contacted, qualified
 * and converted ({@link org.crm4j.lead.Conversion}) into a deal, or disqualified. Leads are
 * opened in bulk on a campaign's targets with {@code crm.as(actor).campaigns().openLeads}. The
 * duplicate check ({@link org.crm4j.lead.Leads#possibleDuplicates}) tells which customers and open
 * leads a prospect likely is, as scored {@link org.crm4j.lead.DuplicateMatch}es; an inbound lead
 * is checked when it is opened and keeps what was found.
 */
package org.crm4j.lead;
