package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.Objects;
import org.crm4j.lead.ContactAttempt;

/** A contact attempt of a lead ({@code crm_lead_attempt}). */
@Embeddable
class ContactAttemptValue {
    @Column(name = "attempted_by", nullable = false, length = 100)
    String by;

    @Column(name = "attempted_at", nullable = false)
    Instant at;

    @Column(nullable = false, length = ContactAttempt.MAX_TEXT)
    String text;

    /** For Hibernate. */
    protected ContactAttemptValue() {
    }

    static ContactAttemptValue of(ContactAttempt a) {
        ContactAttemptValue v = new ContactAttemptValue();
        v.by = a.by();
        v.at = a.at();
        v.text = a.text();
        return v;
    }

    ContactAttempt toAttempt() {
        return new ContactAttempt(by, at, text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactAttemptValue other && by.equals(other.by) && at.equals(other.at)
                && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(by, at, text);
    }
}
