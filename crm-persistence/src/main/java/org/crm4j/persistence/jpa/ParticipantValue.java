package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import org.crm4j.customer.ContactId;
import org.crm4j.pipeline.DecisionRole;
import org.crm4j.pipeline.Participant;

/** A contact person involved in a deal ({@code crm_opportunity_participant}). */
@Embeddable
class ParticipantValue {
    @Column(name = "contact_id", nullable = false)
    long contactId;

    @Enumerated(EnumType.STRING)
    @Column(name = "decision_role", nullable = false, length = 20)
    DecisionRole role;

    /** For Hibernate. */
    protected ParticipantValue() {
    }

    static ParticipantValue of(Participant participant) {
        ParticipantValue v = new ParticipantValue();
        v.contactId = participant.contactId().value();
        v.role = participant.role();
        return v;
    }

    Participant toParticipant() {
        return new Participant(ContactId.of(contactId), role);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParticipantValue other && contactId == other.contactId && role == other.role;
    }

    @Override
    public int hashCode() {
        return Objects.hash(contactId, role);
    }
}
