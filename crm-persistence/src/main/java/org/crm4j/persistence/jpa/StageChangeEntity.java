package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.pipeline.StageChange;

/** A stage move of a deal ({@code crm_stage_change}); never changed. */
@Entity(name = "StageChange")
@Table(name = "crm_stage_change")
class StageChangeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_stage_change_seq")
    @SequenceGenerator(name = "crm_stage_change_seq", sequenceName = "crm_stage_change_seq", allocationSize = 50)
    Long id;

    @Column(name = "opportunity_id", nullable = false, updatable = false)
    long opportunityId;

    @Column(name = "from_stage", updatable = false, length = 40)
    String fromStage;

    @Column(name = "to_stage", nullable = false, updatable = false, length = 40)
    String toStage;

    @Column(name = "changed_by", nullable = false, updatable = false, length = 100)
    String changedBy;

    @Column(name = "changed_at", nullable = false, updatable = false)
    Instant changedAt;

    /** For Hibernate. */
    protected StageChangeEntity() {
    }

    static StageChangeEntity of(StageChange change) {
        StageChangeEntity e = new StageChangeEntity();
        e.opportunityId = change.opportunityId().value();
        e.fromStage = change.fromStage();
        e.toStage = change.toStage();
        e.changedBy = change.changedBy();
        e.changedAt = change.changedAt();
        return e;
    }

    StageChange toChange() {
        return new StageChange(OpportunityId.of(opportunityId), fromStage, toStage, changedBy, changedAt);
    }
}
