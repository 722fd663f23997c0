package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.crm4j.common.ExternalRef;

/** An external reference as a row of {@code crm_external_ref}; the key is (system, id). */
@Embeddable
class ExternalRefValue {
    @Column(name = "external_system", nullable = false, length = 50)
    String system;

    @Column(name = "external_id", nullable = false, length = 100)
    String externalId;

    /** For Hibernate. */
    protected ExternalRefValue() {
    }

    static ExternalRefValue of(ExternalRef ref) {
        ExternalRefValue v = new ExternalRefValue();
        v.system = ref.system();
        v.externalId = ref.id();
        return v;
    }

    ExternalRef toRef() {
        return new ExternalRef(system, externalId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExternalRefValue other && Objects.equals(system, other.system)
                && Objects.equals(externalId, other.externalId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(system, externalId);
    }

    @Override
    public String toString() {
        return system + ":" + externalId;
    }
}
