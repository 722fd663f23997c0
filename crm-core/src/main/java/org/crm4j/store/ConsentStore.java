package org.crm4j.store;

import java.util.List;
import java.util.Optional;
import org.crm4j.customer.Consent;
import org.crm4j.customer.Unsubscription;

/**
 * Contact persons' consents and unsubscriptions in a store: at most one consent per contact and
 * purpose, at most one unsubscription per contact (in a database, held by primary keys).
 * Need-to-know is checked by the caller on the contact's customer before it calls.
 */
public interface ConsentStore {

    /**
     * Writes the consent for its contact and purpose, replacing the one there is.
     *
     * @param consent the consent
     * @throws org.crm4j.ConflictException when another transaction wrote the first consent of that
     *     contact and purpose at the same time
     */
    void put(Consent consent);

    /**
     * @param contactId a contact person
     * @return their consents, by purpose code
     */
    List<Consent> ofContact(long contactId);

    /**
     * @param contactId a contact person
     * @return their unsubscription, if there is one
     */
    Optional<Unsubscription> unsubscription(long contactId);

    /**
     * @param unsubscription a new unsubscription
     * @throws org.crm4j.ConflictException when the contact is unsubscribed already (also concurrently)
     */
    void unsubscribe(Unsubscription unsubscription);

    /** @param contactId a contact person whose unsubscription to lift; nothing when there is none */
    void resubscribe(long contactId);
}
