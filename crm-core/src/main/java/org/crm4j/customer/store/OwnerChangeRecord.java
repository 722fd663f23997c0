package org.crm4j.customer.store;

import java.time.Instant;

/**
 * A stored change of a customer's owner.
 *
 * @param customerId the customer
 * @param fromOwnerId the previous owner
 * @param toOwnerId the new owner
 * @param changedBy who reassigned it
 * @param changedAt when
 */
public record OwnerChangeRecord(long customerId, String fromOwnerId, String toOwnerId, String changedBy,
        Instant changedAt) {
}
