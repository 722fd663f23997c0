package org.crm4j.customer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a contact person agreed to: their consents per purpose and whether they unsubscribed from
 * everything.
 *
 * @param contactId the contact person
 * @param consents one per purpose ever granted or withdrawn, by purpose code
 * @param unsubscription the unsubscription, or null when there is none
 */
public record ContactConsents(ContactId contactId, List<Consent> consents, Unsubscription unsubscription) {

    /** Copies the list. */
    public ContactConsents {
        Objects.requireNonNull(contactId, "contactId");
        consents = List.copyOf(consents);
    }

    /**
     * @param purpose a purpose
     * @return the consent for it, granted or withdrawn, if one was ever recorded
     */
    public Optional<Consent> consent(Purpose purpose) {
        return consents.stream().filter(c -> c.purpose().equals(purpose)).findFirst();
    }

    /** @return whether the contact unsubscribed from everything */
    public boolean unsubscribed() {
        return unsubscription != null;
    }

    /**
     * @param purpose a purpose
     * @return whether a mailing for it may go to the contact: a granted consent and no unsubscription
     */
    public boolean allows(Purpose purpose) {
        return !unsubscribed() && consent(purpose).map(Consent::granted).orElse(false);
    }
}
