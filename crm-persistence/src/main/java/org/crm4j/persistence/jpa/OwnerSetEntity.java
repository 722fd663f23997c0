package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One member of a long owner set ({@code crm_owner_set}, see {@link OwnerSets}): mapped only so that
 * need-to-know's queries can name it in a subquery; written with plain JDBC.
 */
@Entity(name = "OwnerSet")
@Table(name = "crm_owner_set")
@IdClass(OwnerSetEntity.Key.class)
class OwnerSetEntity {
    @Id
    @Column(name = "set_id", nullable = false, updatable = false, length = 64)
    String setId;

    @Id
    @Column(name = "owner_id", nullable = false, updatable = false, length = 100)
    String ownerId;

    /** For Hibernate. */
    protected OwnerSetEntity() {
    }

    /** The primary key. */
    static final class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String setId;
        String ownerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(setId, k.setId) && Objects.equals(ownerId, k.ownerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(setId, ownerId);
        }
    }
}
