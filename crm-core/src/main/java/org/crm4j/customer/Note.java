package org.crm4j.customer;

import java.time.Instant;

/**
 * What someone learned about a customer (R3), recorded once and shared with everyone who may
 * see the customer. Notes are never changed.
 *
 * @param id the id
 * @param customerId the customer
 * @param authorId who wrote it
 * @param text the text
 * @param createdAt when
 */
public record Note(NoteId id, CustomerId customerId, String authorId, String text, Instant createdAt) {
}
