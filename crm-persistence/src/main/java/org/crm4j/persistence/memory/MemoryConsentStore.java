package org.crm4j.persistence.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crm4j.ConflictException;
import org.crm4j.customer.Consent;
import org.crm4j.customer.Unsubscription;
import org.crm4j.store.ConsentStore;

/** Consents and unsubscriptions of contacts, in the same transaction. */
final class MemoryConsentStore extends MemoryFeatureStore implements ConsentStore {
    MemoryConsentStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public void put(Consent consent) {
        tx.put(data.consents, List.of(consent.contactId().value(), consent.purpose().code()), consent);
    }

    @Override
    public List<Consent> ofContact(long contactId) {
        return data.consents.values().stream().filter(c -> c.contactId().value() == contactId)
                .sorted(Comparator.comparing(c -> c.purpose().code())).toList();
    }

    @Override
    public Optional<Unsubscription> unsubscription(long contactId) {
        return Optional.ofNullable(data.unsubscriptions.get(contactId));
    }

    @Override
    public void unsubscribe(Unsubscription unsubscription) {
        checkWritable();
        if (data.unsubscriptions.containsKey(unsubscription.contactId().value())) {
            throw new ConflictException("the contact was unsubscribed at the same time");
        }
        tx.put(data.unsubscriptions, unsubscription.contactId().value(), unsubscription);
    }

    @Override
    public void resubscribe(long contactId) {
        remove(data.unsubscriptions, contactId);
    }
}
