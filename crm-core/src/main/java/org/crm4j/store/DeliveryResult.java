package org.crm4j.store;

import java.time.Instant;

/**
 * How a claimed delivery ended.
 *
 * @param id the delivery
 * @param state {@link DeliveryState#SENT}, {@link DeliveryState#UNREACHABLE},
 *     {@link DeliveryState#FAILED} (for good), or {@link DeliveryState#PENDING} to try again
 * @param error what went wrong, shortened, or null
 * @param retryAt for a pending one, when it may be claimed again; else null
 */
public record DeliveryResult(long id, DeliveryState state, String error, Instant retryAt) {
}
