package org.crm4j.persistence.memory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.store.ContactStore;

/** Contacts, in the same transaction. */
final class MemoryContactStore extends MemoryFeatureStore implements ContactStore {
    MemoryContactStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public ContactRecord insert(ContactRecord contact) {
        checkWritable();
        ContactRecord stored = contact.withIdentity(newId(), 0);
        put(data.contacts, stored.id(), stored);
        return stored;
    }

    @Override
    public ContactRecord update(ContactRecord contact) {
        ContactRecord stored = replaceVersioned(data.contacts, contact.id(), contact.version(), ContactRecord::version,
                "contact " + contact.id(), next -> contact.withIdentity(contact.id(), next));
        return stored;
    }

    @Override
    public Optional<ContactRecord> find(long id) {
        return Optional.ofNullable(data.contacts.get(id));
    }

    @Override
    public List<ContactRecord> ofCustomers(Collection<Long> customerIds) {
        Set<Long> wanted = new HashSet<>(customerIds);
        return data.contacts.values().stream().filter(c -> wanted.contains(c.customerId())).toList();
    }

    @Override
    public List<ContactRecord> insertContacts(List<ContactRecord> list) {
        return list.stream().map(this::insert).toList();
    }

    @Override
    public List<ContactRecord> ofCustomer(long customerId) {
        return data.contacts.values().stream().filter(c -> c.customerId() == customerId)
                .sorted(Comparator.comparing((ContactRecord c) -> !c.primary())
                        .thenComparing((ContactRecord c) -> CustomerRecord.nameKey(c.name()))
                        .thenComparingLong(ContactRecord::id))
                .toList();
    }
}
