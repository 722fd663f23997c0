package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.Unsubscription;

/** A contact who unsubscribed from every mailing ({@code crm_unsubscription}). */
@Entity(name = "Unsubscription")
@Table(name = "crm_unsubscription")
class UnsubscriptionEntity {
    @Id
    @Column(name = "contact_id")
    long contactId;

    @Column(name = "unsubscribed_at", nullable = false, updatable = false)
    Instant unsubscribedAt;

    @Column(nullable = false, updatable = false, length = 200)
    String source;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 100)
    String recordedBy;

    /** For Hibernate. */
    protected UnsubscriptionEntity() {
    }

    static UnsubscriptionEntity of(Unsubscription u) {
        UnsubscriptionEntity e = new UnsubscriptionEntity();
        e.contactId = u.contactId().value();
        e.unsubscribedAt = u.at();
        e.source = u.source();
        e.recordedBy = u.recordedBy();
        return e;
    }

    Unsubscription toRecord() {
        return new Unsubscription(ContactId.of(contactId), unsubscribedAt, source, recordedBy);
    }
}
