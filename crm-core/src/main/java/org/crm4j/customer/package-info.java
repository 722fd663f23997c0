/**
 * Customer knowledge (R1-R5): {@link org.crm4j.customer.Customer}s with their
 * {@link org.crm4j.customer.ContactPerson}s and {@link org.crm4j.customer.Note}s, reached
 * through {@link org.crm4j.customer.Customers} ({@code crm.as(actor).customers()}).
 */
package org.crm4j.customer;
