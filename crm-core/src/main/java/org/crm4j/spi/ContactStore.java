package org.crm4j.spi;

import java.util.List;
import java.util.Optional;
import org.crm4j.customer.ContactRecord;

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
}
