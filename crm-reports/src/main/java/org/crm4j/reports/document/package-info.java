/**
 * Documents generated from templates (R12): {@link org.crm4j.reports.document.OfferDocuments}
 * renders an offer, filled with the customer's and the deal's data, to HTML with a Mustache
 * template, crm4j's own or the host's.
 */
package org.crm4j.reports.document;
