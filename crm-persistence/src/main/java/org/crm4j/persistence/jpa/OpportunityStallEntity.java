package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.crm4j.store.StallMark;

/**
 * Which stall of a deal was announced ({@code crm_opportunity_stall}), one row per deal, kept
 * beside the deal so that announcing it never moves the deal's version. Its own version guards
 * against two detection runs announcing the same stall.
 */
@Entity(name = "OpportunityStall")
@Table(name = "crm_opportunity_stall")
class OpportunityStallEntity {
    @Id
    @Column(name = "opportunity_id")
    Long opportunityId;

    @Version
    long version;

    @Column(name = "idle_mark")
    Instant idleMark;

    @Column(name = "overdue_close")
    LocalDate overdueClose;

    @Column(nullable = false, length = 20)
    String reasons;

    @Column(name = "flagged_at", nullable = false)
    Instant flaggedAt;

    /** For Hibernate. */
    protected OpportunityStallEntity() {
    }

    static OpportunityStallEntity of(StallMark mark) {
        OpportunityStallEntity e = new OpportunityStallEntity();
        e.opportunityId = mark.opportunityId();
        e.apply(mark);
        return e;
    }

    /** Takes the mark's parts; a part it leaves null keeps the value kept before. */
    void apply(StallMark mark) {
        if (mark.idleMark() != null) {
            idleMark = mark.idleMark();
        }
        if (mark.overdueClose() != null) {
            overdueClose = mark.overdueClose();
        }
        reasons = mark.reasons();
        flaggedAt = mark.flaggedAt();
    }
}
