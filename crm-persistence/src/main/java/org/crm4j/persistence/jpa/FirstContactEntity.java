package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.crm4j.activity.FirstContactKind;
import org.crm4j.activity.store.FirstContactRecord;

/** An entry of the first-contact ledger ({@code crm_first_contact}); entries are never changed. */
@Entity(name = "FirstContact")
@Table(name = "crm_first_contact")
class FirstContactEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_first_contact_seq")
    @SequenceGenerator(name = "crm_first_contact_seq", sequenceName = "crm_first_contact_seq", allocationSize = 50)
    Long id;

    @Column(name = "salesperson_id", nullable = false, updatable = false, length = 100)
    String salespersonId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 10)
    FirstContactKind kind;

    @Column(name = "contact_id", nullable = false, updatable = false)
    long contactId;

    @Column(name = "activity_id", nullable = false, updatable = false)
    long activityId;

    @Column(name = "contacted_at", nullable = false, updatable = false)
    Instant at;

    /** For Hibernate. */
    protected FirstContactEntity() {
    }

    static FirstContactEntity of(FirstContactRecord r) {
        FirstContactEntity e = new FirstContactEntity();
        e.salespersonId = r.salespersonId();
        e.customerId = r.customerId();
        e.kind = r.kind();
        e.contactId = r.contactId();
        e.activityId = r.activityId();
        e.at = r.at();
        return e;
    }

    FirstContactRecord toRecord() {
        return new FirstContactRecord(salespersonId, customerId, kind, contactId, activityId, at);
    }
}
