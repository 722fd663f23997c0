package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.crm4j.customer.store.OwnerChangeRecord;

/** A change of a customer's owner ({@code crm_owner_change}); never changed. */
@Entity(name = "OwnerChange")
@Table(name = "crm_owner_change")
class OwnerChangeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_owner_change_seq")
    @SequenceGenerator(name = "crm_owner_change_seq", sequenceName = "crm_owner_change_seq", allocationSize = 50)
    Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(name = "from_owner_id", nullable = false, updatable = false, length = 100)
    String fromOwnerId;

    @Column(name = "to_owner_id", nullable = false, updatable = false, length = 100)
    String toOwnerId;

    @Column(name = "changed_by", nullable = false, updatable = false, length = 100)
    String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    Instant changedAt;

    /** For Hibernate. */
    protected OwnerChangeEntity() {
    }

    static OwnerChangeEntity of(OwnerChangeRecord record) {
        OwnerChangeEntity e = new OwnerChangeEntity();
        e.customerId = record.customerId();
        e.fromOwnerId = record.fromOwnerId();
        e.toOwnerId = record.toOwnerId();
        e.changedBy = record.changedBy();
        e.changedAt = record.changedAt();
        return e;
    }

    OwnerChangeRecord toRecord() {
        return new OwnerChangeRecord(customerId, fromOwnerId, toOwnerId, changedBy, changedAt);
    }
}
