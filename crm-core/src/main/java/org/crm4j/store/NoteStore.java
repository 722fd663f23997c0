package org.crm4j.store;

import java.util.List;
import org.crm4j.customer.store.NoteRecord;

/** Notes in a store. */
public interface NoteStore {

    /**
     * @param note a new note (id 0)
     * @return it with its id
     */
    NoteRecord insert(NoteRecord note);

    /**
     * @param customerId a customer
     * @param limit how many at most
     * @return the newest notes first
     */
    List<NoteRecord> latest(long customerId, int limit);

    /**
     * @param id a note
     * @return it, if it exists (the caller checks the customer)
     */
    java.util.Optional<NoteRecord> find(long id);
}
