/**
 * crm4j, an embeddable CRM. The entry point is {@link org.crm4j.Crm}: build one with
 * {@code Crm.builder()}, then act as a user with {@link org.crm4j.Crm#as(org.crm4j.access.Actor)}.
 * Every exception crm4j throws is a {@link org.crm4j.CrmException}.
 */
package org.crm4j;
