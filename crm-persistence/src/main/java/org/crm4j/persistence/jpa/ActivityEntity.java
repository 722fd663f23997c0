package org.crm4j.persistence.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.CallDirection;

/**
 * An activity ({@code crm_activity}) with its colleagues and contact persons (lazy, fetched by
 * the queries); the duration is kept as the end, which the schema checks is not before the start.
 */
@Entity(name = "Activity")
@Table(name = "crm_activity")
class ActivityEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_activity_seq")
    @SequenceGenerator(name = "crm_activity_seq", sequenceName = "crm_activity_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Enumerated(EnumType.STRING)
    @Column(name = "activity_type", nullable = false, updatable = false, length = 10)
    ActivityType type;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false, length = 10)
    CallDirection direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    ActivityStatus status;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(name = "owner_id", nullable = false, length = 100)
    String ownerId;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    Instant endsAt;

    @Column(length = 2000)
    String outcome;

    @Column(name = "opportunity_id", updatable = false)
    Long opportunityId;

    @Column(name = "lead_id", updatable = false)
    Long leadId;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "done_at")
    Instant doneAt;

    @ElementCollection
    @CollectionTable(name = "crm_activity_colleague", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "user_id", nullable = false, length = 100)
    Set<String> colleagueIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "crm_activity_contact", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "contact_id", nullable = false)
    Set<Long> contactIds = new HashSet<>();

    /** For Hibernate. */
    protected ActivityEntity() {
    }

    static ActivityEntity of(ActivityRecord r) {
        ActivityEntity e = new ActivityEntity();
        e.type = r.type();
        e.direction = r.direction();
        e.customerId = r.customerId();
        e.opportunityId = r.opportunityId();
        e.leadId = r.leadId();
        e.createdBy = r.createdBy();
        e.createdAt = r.createdAt();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(ActivityRecord r) {
        status = r.status();
        ownerId = r.ownerId();
        startsAt = r.startsAt();
        endsAt = r.endsAt();
        outcome = r.outcome();
        updatedAt = r.updatedAt();
        doneAt = r.doneAt();
        ElementCollections.replace(colleagueIds, r.colleagueIds());
        ElementCollections.replace(contactIds, r.contactIds());
    }

    ActivityRecord toRecord() {
        return new ActivityRecord(id, version, type, direction, status, customerId, ownerId, colleagueIds, contactIds,
                startsAt, Duration.between(startsAt, endsAt), outcome, opportunityId, leadId, createdBy, createdAt,
                updatedAt, doneAt);
    }
}
