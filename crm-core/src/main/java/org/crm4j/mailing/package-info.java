/**
 * Mailings to customers' contact persons and to employees (R16), reached through
 * {@link org.crm4j.mailing.Mailings} ({@code crm.as(actor).mailings()}): rendered per recipient
 * from strict templates, sent only to contacts who consented to the mailing's purpose (see
 * {@link org.crm4j.customer.Consents}), in batches, resumable, each sent message recorded as an
 * e-mail activity on the customer's history.
 */
package org.crm4j.mailing;
