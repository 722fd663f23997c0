package org.crm4j.customer;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact person's consent for one purpose, as last granted or withdrawn. There is at most one
 * per contact and purpose; granting or withdrawing again replaces it (the outbox keeps the
 * history as {@code consent.granted} and {@code consent.withdrawn} events).
 *
 * @param contactId the contact person
 * @param purpose what it is for
 * @param status granted or withdrawn
 * @param at when the contact granted or withdrew it (e.g. when the web form was sent)
 * @param source where it came from, e.g. {@code web form}, {@code phone call}
 * @param recordedBy who recorded it
 * @param recordedAt when it was recorded
 */
public record Consent(ContactId contactId, Purpose purpose, ConsentStatus status, Instant at, String source,
        String recordedBy, Instant recordedAt) {

    /** @throws NullPointerException when a part is missing */
    public Consent {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** @return whether the consent is given */
    public boolean granted() {
        return status == ConsentStatus.GRANTED;
    }
}
