package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.crm4j.activity.RequestKind;
import org.crm4j.activity.store.RequestRecord;
import org.crm4j.activity.RequestStatus;
import org.crm4j.common.ExternalRef;

/**
 * A request's state ({@code crm_request}) beside its activity, keyed by the activity's id. The
 * escalation level is not updatable through the entity: only the conditional updates of
 * {@link JpaRequestStore} change it, so that a user's save cannot undo another node's claim.
 */
@Entity(name = "Request")
@Table(name = "crm_request")
class RequestEntity {
    @Id
    @Column(name = "activity_id")
    Long activityId;

    @Version
    long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    RequestKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    RequestStatus status;

    @Column(name = "request_text", updatable = false, length = 4000)
    String text;

    @Column(name = "source_system", updatable = false, length = 50)
    String sourceSystem;

    @Column(name = "source_id", updatable = false, length = 250)
    String sourceId;

    @Column(name = "concerns_system", updatable = false, length = 50)
    String concernsSystem;

    @Column(name = "concerns_id", updatable = false, length = 100)
    String concernsId;

    @Column(name = "due_at", nullable = false)
    Instant dueAt;

    @Column(name = "escalate_at", nullable = false)
    Instant escalateAt;

    @Column(name = "escalation_level", nullable = false, updatable = false)
    int escalationLevel;

    @Column(name = "answered_by", length = 100)
    String answeredBy;

    @Column(name = "answered_at")
    Instant answeredAt;

    @Column(length = 4000)
    String answer;

    @Column(name = "closed_by", length = 100)
    String closedBy;

    @Column(name = "closed_at")
    Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** For Hibernate. */
    protected RequestEntity() {
    }

    static RequestEntity of(RequestRecord r) {
        RequestEntity e = new RequestEntity();
        e.activityId = r.activityId();
        e.kind = r.kind();
        e.text = r.text();
        e.sourceSystem = r.sourceSystem();
        e.sourceId = r.sourceId();
        e.concernsSystem = r.concerns() == null ? null : r.concerns().system();
        e.concernsId = r.concerns() == null ? null : r.concerns().id();
        e.escalationLevel = r.escalationLevel();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(RequestRecord r) {
        status = r.status();
        dueAt = r.dueAt();
        escalateAt = r.escalateAt();
        answeredBy = r.answeredBy();
        answeredAt = r.answeredAt();
        answer = r.answer();
        closedBy = r.closedBy();
        closedAt = r.closedAt();
        updatedAt = r.updatedAt();
    }

    RequestRecord toRecord() {
        return new RequestRecord(activityId, version, kind, status, text, sourceSystem, sourceId,
                concernsSystem == null ? null : new ExternalRef(concernsSystem, concernsId), dueAt, escalateAt,
                escalationLevel, answeredBy, answeredAt, answer, closedBy, closedAt, updatedAt);
    }
}
