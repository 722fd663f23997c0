package org.crm4j.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact person asked to get no mailings at all. It beats every consent, also one granted
 * later, until it is lifted with {@link Consents#resubscribe}.
 *
 * @param contactId the contact person
 * @param at when they unsubscribed
 * @param source where it came from, e.g. {@code unsubscribe link}
 * @param recordedBy who recorded it
 */
public record Unsubscription(ContactId contactId, Instant at, String source, String recordedBy) {

    /** @throws NullPointerException when a part is missing */
    public Unsubscription {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
