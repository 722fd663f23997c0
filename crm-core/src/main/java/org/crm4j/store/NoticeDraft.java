package org.crm4j.store;

import java.time.Instant;
import java.util.Map;

/**
 * A rendered notice to store, before it has an id.
 *
 * @param key what caused it; unique with the recipient
 * @param kind its kind
 * @param recipientId the employee
 * @param customerId the customer it concerns, or null
 * @param subject the rendered subject
 * @param body the rendered body
 * @param values the values it was rendered from
 * @param createdAt when
 */
public record NoticeDraft(String key, String kind, String recipientId, Long customerId, String subject, String body,
        Map<String, String> values, Instant createdAt) {

    /** Copies the values. */
    public NoticeDraft {
        values = Map.copyOf(values);
    }
}
