/**
 * Customer knowledge (R1-R5): {@link org.crm4j.customer.Customer}s with their
 * {@link org.crm4j.customer.ContactPerson}s and {@link org.crm4j.customer.Note}s, reached
 * through {@link org.crm4j.customer.Customers} ({@code crm.as(actor).customers()}), and the
 * typed criteria tree ({@link org.crm4j.customer.Criterion}, built with
 * {@link org.crm4j.customer.Criteria}, kept as text with {@link org.crm4j.customer.CriteriaText}) that
 * searches, list views and mailings use. The contacts' consents to be written to, per
 * {@link org.crm4j.customer.Purpose}, are reached through {@link org.crm4j.customer.Consents}
 * ({@code crm.as(actor).consents()}). The
 * {@code *Record} types are the stored state of the aggregates, as store adapters see it.
 */
package org.crm4j.customer;
