/**
 * The customer's papers (R12): every document crm4j generated for a customer (an offer, a service's
 * contract) or was given for one, kept once, listed on the customer's card, under need-to-know.
 * Reached through {@code crm.as(actor).documents()}; the documents themselves are rendered by
 * crm-reports ({@code OfferDocuments}, {@code ContractDocuments}) or by the host.
 */
package org.crm4j.document;
