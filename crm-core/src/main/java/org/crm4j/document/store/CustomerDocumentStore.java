package org.crm4j.document.store;

import java.util.List;
import java.util.Optional;
import org.crm4j.store.Visibility;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.DocumentOrigin;

/**
 * Documents kept on customers, in a store. Every read takes the actor's visibility and applies it
 * in the query: a document is the record of its owner on its customer (R28), visible to whoever
 * covers the customer's owner or the document's own.
 */
public interface CustomerDocumentStore {
    /**
     * @param document the document's description, its id 0
     * @param content its content
     * @return the description as stored, with its id
     */
    CustomerDocument insert(CustomerDocument document, byte[] content);

    /**
     * @return the document kept on that customer from that source with that content, if any
     *     (whoever may see it: the caller checked the source)
     */
    Optional<CustomerDocument> same(long customerId, DocumentOrigin origin, long sourceId, String sha256);

    /**
     * @param id a document
     * @param visibility applied in the query
     * @return it, if it exists and is visible
     */
    Optional<CustomerDocument> find(long id, Visibility visibility);

    /**
     * @param id an id
     * @return whether a document has it
     */
    boolean exists(long id);

    /**
     * @param id a document
     * @param visibility applied in the query
     * @return its content, if it exists and is visible
     */
    Optional<byte[]> content(long id, Visibility visibility);

    /**
     * @param customerId a customer
     * @param limit how many at most
     * @param visibility applied in the query
     * @return the visible documents kept on it, latest first
     */
    List<CustomerDocument> ofCustomer(long customerId, int limit, Visibility visibility);
}
