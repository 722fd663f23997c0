package org.crm4j.document;

import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.CustomerDocumentId;
import org.crm4j.customer.CustomerId;

/**
 * The documents kept on customers (R12), as one actor sees them. Reached through
 * {@code crm.as(actor).documents()}.
 *
 * <p>A document is kept once: keeping the same content again for the same customer and source
 * answers the document kept before. Who sees a document: an offer's, whoever may see the offer's
 * deal (the customer's line or the deal owner's line, R28); a service contract's, whoever may see
 * the service (the customer's line or its salesperson's); another paper, the customer's line and the
 * line of whoever kept it. The owner is fixed when the document is kept. The customer's card lists
 * the latest {@value org.crm4j.customer.CustomerCard#DOCUMENTS}.
 */
public interface CustomerDocuments {
    /** The most documents one call lists. */
    int MAX_LIST = 200;

    /**
     * Keeps a document on the customer of its offer or service (or the customer named), as an
     * event {@code document.kept}.
     *
     * @param document the document
     * @return it as kept, or as kept before when the same content was kept for the same source
     * @throws ValidationException when a rule is broken (each field named)
     * @throws NotFoundException when its offer, service or customer does not exist
     * @throws AccessDeniedException when the actor may not see its offer or service, or (another
     *     paper) may not open the customer
     */
    CustomerDocument keep(NewCustomerDocument document);

    /**
     * @param customerId a customer
     * @param limit how many at most, 1 to {@value #MAX_LIST}
     * @return the documents kept on it that the actor may see, latest first
     * @throws NotFoundException when there is no such customer
     * @throws AccessDeniedException when the actor may not open the customer
     */
    List<CustomerDocument> ofCustomer(CustomerId customerId, int limit);

    /**
     * @param id a document
     * @return it, without its content
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see it
     */
    CustomerDocument get(CustomerDocumentId id);

    /**
     * @param id a document
     * @return its content
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see it
     */
    byte[] content(CustomerDocumentId id);
}
