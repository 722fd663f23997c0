package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.MatchKind;
import org.crm4j.lead.MatchReason;

/** A likely duplicate kept on a lead ({@code crm_lead_match}); the reasons as their names, joined by commas. */
@Embeddable
class LeadMatchValue {
    @Enumerated(EnumType.STRING)
    @Column(name = "matched_kind", nullable = false, length = 10)
    MatchKind kind;

    @Column(name = "matched_id", nullable = false)
    long matchedId;

    @Column(nullable = false)
    int score;

    @Column(nullable = false, length = 100)
    String reasons;

    /** For Hibernate. */
    protected LeadMatchValue() {
    }

    static LeadMatchValue of(DuplicateMatch m) {
        LeadMatchValue v = new LeadMatchValue();
        v.kind = m.kind();
        v.matchedId = m.id();
        v.score = m.score();
        v.reasons = m.reasons().stream().map(Enum::name).collect(Collectors.joining(","));
        return v;
    }

    DuplicateMatch toMatch() {
        return new DuplicateMatch(kind, matchedId, score,
                Arrays.stream(reasons.split(",")).map(MatchReason::valueOf).collect(Collectors.toSet()),
                null, null, null, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeadMatchValue other && kind == other.kind && matchedId == other.matchedId
                && score == other.score && reasons.equals(other.reasons);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, matchedId, score, reasons);
    }
}
