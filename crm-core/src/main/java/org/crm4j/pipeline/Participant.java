package org.crm4j.pipeline;

import org.crm4j.ValidationException;
import org.crm4j.customer.ContactId;

/**
 * A contact person of the customer involved in a deal, with their part in the decision.
 *
 * @param contactId the contact person
 * @param role their part in the decision
 */
public record Participant(ContactId contactId, DecisionRole role) {

    /** @throws ValidationException when a part is missing */
    public Participant {
        ValidationException.requireNonNull(contactId, "participant.contactId");
        ValidationException.requireNonNull(role, "participant.role");
    }
}
