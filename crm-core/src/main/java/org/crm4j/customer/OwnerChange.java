package org.crm4j.customer;

import java.time.Instant;

/**
 * A recorded reassignment of a customer to another owner.
 *
 * @param customerId the customer
 * @param fromOwnerId the previous owner
 * @param toOwnerId the new owner
 * @param changedBy who reassigned it
 * @param changedAt when
 */
public record OwnerChange(CustomerId customerId, String fromOwnerId, String toOwnerId, String changedBy,
        Instant changedAt) {
}
