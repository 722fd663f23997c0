package org.crm4j.store;

import org.crm4j.customer.ConsentStatus;

/**
 * A contact person a mailing to a segment may go to, with what decides whether it does: read in
 * one query with the contact's first e-mail address, consent for the mailing's purpose and
 * unsubscription.
 *
 * @param contactId the contact person
 * @param customerId their customer
 * @param customerName the customer's name
 * @param customerOwnerId the customer's owner
 * @param contactName the contact's name
 * @param email the contact's first e-mail address (by channel order), or null
 * @param consent the contact's consent for the purpose, or null when none was recorded
 * @param unsubscribed whether the contact unsubscribed from everything
 */
public record RecipientCandidate(long contactId, long customerId, String customerName, String customerOwnerId,
        String contactName, String email, ConsentStatus consent, boolean unsubscribed) {
}
