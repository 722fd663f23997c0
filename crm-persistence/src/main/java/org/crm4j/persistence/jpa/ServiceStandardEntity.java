package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.crm4j.store.ServiceStandardRow;

/** A service standard ({@code crm_service_standard}); one per kind and scope, by crm_service_standard_uk. */
@Entity(name = "ServiceStandard")
@Table(name = "crm_service_standard")
class ServiceStandardEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_service_standard_seq")
    @SequenceGenerator(name = "crm_service_standard_seq", sequenceName = "crm_service_standard_seq",
            allocationSize = 50)
    Long id;

    @Column(nullable = false, updatable = false, length = 30)
    String kind;

    @Column(nullable = false, updatable = false, length = 20)
    String scope;

    @Column(name = "limit_value", nullable = false)
    int limit;

    /** For Hibernate. */
    protected ServiceStandardEntity() {
    }

    static ServiceStandardEntity of(ServiceStandardRow row) {
        ServiceStandardEntity e = new ServiceStandardEntity();
        e.kind = row.kind();
        e.scope = row.scope();
        e.limit = row.limit();
        return e;
    }

    ServiceStandardRow toRow() {
        return new ServiceStandardRow(kind, scope, limit);
    }
}
