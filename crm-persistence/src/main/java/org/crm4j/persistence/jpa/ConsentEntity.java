package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.crm4j.customer.Consent;
import org.crm4j.customer.ConsentStatus;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.Purpose;

/** A contact's consent for one purpose ({@code crm_consent}), keyed by contact and purpose. */
@Entity(name = "Consent")
@Table(name = "crm_consent")
@IdClass(ConsentEntity.Key.class)
class ConsentEntity {
    @Id
    @Column(name = "contact_id")
    long contactId;

    @Id
    @Column(length = 50)
    String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    ConsentStatus status;

    @Column(name = "given_at", nullable = false)
    Instant givenAt;

    @Column(nullable = false, length = 200)
    String source;

    @Column(name = "recorded_by", nullable = false, length = 100)
    String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    /** For Hibernate. */
    protected ConsentEntity() {
    }

    static ConsentEntity of(Consent c) {
        ConsentEntity e = new ConsentEntity();
        e.contactId = c.contactId().value();
        e.purpose = c.purpose().code();
        e.copyFrom(c);
        return e;
    }

    void copyFrom(Consent c) {
        status = c.status();
        givenAt = c.at();
        source = c.source();
        recordedBy = c.recordedBy();
        recordedAt = c.recordedAt();
    }

    Consent toRecord() {
        return new Consent(ContactId.of(contactId), Purpose.of(purpose), status, givenAt, source, recordedBy,
                recordedAt);
    }

    /** The key: contact and purpose. */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        long contactId;
        String purpose;

        /** For Hibernate. */
        Key() {
        }

        Key(long contactId, String purpose) {
            this.contactId = contactId;
            this.purpose = purpose;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.contactId == contactId && Objects.equals(k.purpose, purpose);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contactId, purpose);
        }
    }
}
