package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** A reason a deal may be won or lost for, as a row of {@code crm_pipeline_reason}; the key is all of it. */
@Embeddable
class ReasonValue {
    /** Whether a reason is for winning or for losing. */
    enum Outcome {
        /** A reason a deal may be won for. */
        WON,
        /** A reason a deal may be lost for. */
        LOST
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 4)
    Outcome outcome;

    @Column(nullable = false, length = 50)
    String reason;

    /** For Hibernate. */
    protected ReasonValue() {
    }

    static ReasonValue of(Outcome outcome, String reason) {
        ReasonValue v = new ReasonValue();
        v.outcome = outcome;
        v.reason = reason;
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReasonValue other && outcome == other.outcome && Objects.equals(reason, other.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, reason);
    }

    @Override
    public String toString() {
        return outcome + ":" + reason;
    }
}
