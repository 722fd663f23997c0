package org.crm4j.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crm4j.ConflictException;
import org.crm4j.customer.ContactRecord;
import org.crm4j.spi.ContactStore;
import org.hibernate.LockMode;
import org.hibernate.Session;

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
        Session session = tx.writing();
        ContactEntity entity = session.find(ContactEntity.class, contact.id());
        if (entity == null) {
            throw new ConflictException("contact " + contact.id() + " no longer exists");
        }
        if (entity.version != contact.version()) {
            throw new ConflictException("contact " + contact.id() + " was changed by someone else (read at version "
                    + contact.version() + ", now at " + entity.version + "); reload it and apply the change again");
        }
        entity.copyFrom(contact);
        tx.flush();
        if (entity.version == contact.version()) {
            // nothing differed from the stored state; the version still moves, as every store's does
            session.lock(entity, LockMode.OPTIMISTIC_FORCE_INCREMENT);
            return contact.withIdentity(contact.id(), contact.version() + 1);
        }
        return contact.withIdentity(contact.id(), entity.version);
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
}
