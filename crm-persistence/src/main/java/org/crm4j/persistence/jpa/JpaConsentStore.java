package org.crm4j.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crm4j.customer.Consent;
import org.crm4j.customer.Unsubscription;
import org.crm4j.store.ConsentStore;

/** Consents and unsubscriptions in the JPA store, by their primary keys. */
final class JpaConsentStore implements ConsentStore {
    private final JpaTransaction tx;

    JpaConsentStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public void put(Consent consent) {
        ConsentEntity stored = tx.writing().find(ConsentEntity.class,
                new ConsentEntity.Key(consent.contactId().value(), consent.purpose().code()));
        if (stored == null) {
            tx.writing().persist(ConsentEntity.of(consent));
        } else {
            stored.copyFrom(consent);
        }
        tx.flush();
    }

    @Override
    public List<Consent> ofContact(long contactId) {
        return tx.session().createSelectionQuery("from Consent c where c.contactId = :contact order by c.purpose",
                ConsentEntity.class).setParameter("contact", contactId).getResultList().stream()
                .map(ConsentEntity::toRecord).toList();
    }

    @Override
    public Optional<Unsubscription> unsubscription(long contactId) {
        return Optional.ofNullable(tx.session().find(UnsubscriptionEntity.class, contactId))
                .map(UnsubscriptionEntity::toRecord);
    }

    @Override
    public void unsubscribe(Unsubscription unsubscription) {
        tx.writing().persist(UnsubscriptionEntity.of(unsubscription));
        tx.flush();
    }

    @Override
    public void resubscribe(long contactId) {
        UnsubscriptionEntity stored = tx.writing().find(UnsubscriptionEntity.class, contactId);
        if (stored != null) {
            tx.writing().remove(stored);
            tx.flush();
        }
    }
}
