package org.crm4j.store;

import java.time.Instant;

/**
 * An open request that is due for escalation, as a store projects it.
 *
 * @param id the request (its activity's id)
 * @param customerId its customer
 * @param ownerId who answers it
 * @param subject what it is about
 * @param level the escalation level it has reached, 0 or 1
 * @param dueAt its due time
 * @param escalateAt when it goes to the owner's superior
 */
public record EscalationRow(long id, long customerId, String ownerId, String subject, int level, Instant dueAt,
        Instant escalateAt) {
}
