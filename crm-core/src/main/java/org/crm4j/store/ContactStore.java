package org.crm4j.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crm4j.customer.store.ContactRecord;

/** Contact persons in a store. */
public interface ContactStore {

    /**
     * @param contact a new contact (id 0)
     * @return it with its id and version 0
     */
    ContactRecord insert(ContactRecord contact);

    /**
     * @param contact a changed contact carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    ContactRecord update(ContactRecord contact);

    /**
     * @param id a contact id
     * @return the contact
     */
    Optional<ContactRecord> find(long id);

    /**
     * @param customerId a customer
     * @return its contacts, primary first, then by name and id
     */
    List<ContactRecord> ofCustomer(long customerId);

    /**
     * Reads the contacts of many customers at once, for a bulk import: one query where the store
     * speaks SQL. The default asks {@link #ofCustomer} for each.
     *
     * @param customerIds customers
     * @return their contacts, in no particular order
     */
    default List<ContactRecord> ofCustomers(Collection<Long> customerIds) {
        return customerIds.stream().distinct().flatMap(id -> ofCustomer(id).stream()).toList();
    }

    /**
     * Inserts many new contacts, in JDBC batches where the store speaks SQL. The default inserts
     * each with {@link #insert}.
     *
     * @param contacts new contacts (id 0)
     * @return them with their ids and version 0, in the same order
     */
    default List<ContactRecord> insertContacts(List<ContactRecord> contacts) {
        return contacts.stream().map(this::insert).toList();
    }
}
