package org.crm4j.customer.store;

import java.time.Instant;

/**
 * A stored note.
 *
 * @param id the id; 0 before the insert
 * @param customerId the customer it is about
 * @param authorId who wrote it
 * @param text what they learned
 * @param createdAt when
 */
public record NoteRecord(long id, long customerId, String authorId, String text, Instant createdAt) {
}
