package org.crm4j.store;

import java.time.Instant;
import org.crm4j.customer.CustomerStatus;

/**
 * One row of a search result: the basic fields every actor may see.
 *
 * @param id the customer's id
 * @param name the name
 * @param taxId the tax id, or null
 * @param city the city, or null
 * @param ownerId the owner
 * @param status the status
 * @param createdAt when it was created (a sort key)
 */
public record CustomerRow(long id, String name, String taxId, String city, String ownerId, CustomerStatus status,
        Instant createdAt) {
}
