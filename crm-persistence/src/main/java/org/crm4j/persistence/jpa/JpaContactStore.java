package org.crm4j.persistence.jpa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.store.ContactStore;

/** Contact persons in the JPA store; each read fetches roles and channels in the same select. */
final class JpaContactStore implements ContactStore {
    private static final String WITH_DETAILS = "select ct from Contact ct left join fetch ct.roles"
            + " left join fetch ct.channels";

    private final JpaTransaction tx;

    JpaContactStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public ContactRecord insert(ContactRecord contact) {
        ContactEntity entity = ContactEntity.of(contact);
        tx.writing().persist(entity);
        return contact.withIdentity(entity.id, entity.version);
    }

    @Override
    public ContactRecord update(ContactRecord contact) {
        ContactEntity entity = tx.writing().find(ContactEntity.class, contact.id());
        long version = tx.updateVersioned(entity, "contact " + contact.id(), contact.version(), e -> e.version,
                e -> e.copyFrom(contact), tx::flush);
        return contact.withIdentity(contact.id(), version);
    }

    @Override
    public Optional<ContactRecord> find(long id) {
        return tx.session().createSelectionQuery(WITH_DETAILS + " where ct.id = :id", ContactEntity.class)
                .setParameter("id", id)
                .getResultList().stream().findFirst().map(ContactEntity::toRecord);
    }

    @Override
    public List<ContactRecord> ofCustomer(long customerId) {
        return tx.session().createSelectionQuery(WITH_DETAILS + " where ct.customerId = :customer"
                        + " order by ct.primary desc, ct.nameKey, ct.id", ContactEntity.class)
                .setParameter("customer", customerId)
                .getResultList().stream().map(ContactEntity::toRecord).toList();
    }

    /** Inserts the contacts with one JDBC batch per table (see {@link BulkInsert}). */
    @Override
    public List<ContactRecord> insertContacts(List<ContactRecord> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        var session = tx.writing();
        long[] ids = BulkInsert.pooledIds(session, "crm_contact_seq", contacts.size());
        List<ContactEntity> entities = new ArrayList<>(contacts.size());
        List<ContactRecord> out = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            ContactEntity entity = ContactEntity.of(contacts.get(i));
            entity.id = ids[i];
            entity.version = 0;
            entities.add(entity);
            out.add(contacts.get(i).withIdentity(ids[i], 0));
        }
        try {
            BulkInsert.contacts(session, entities);
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
        return out;
    }

    @Override
    public List<ContactRecord> ofCustomers(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return InList.bind(tx.session().createSelectionQuery(InList.expand(WITH_DETAILS
                        + " where ct.customerId in :customers", "customers", customerIds), ContactEntity.class),
                        "customers", customerIds)
                .getResultList().stream().map(ContactEntity::toRecord).toList();
    }
}
