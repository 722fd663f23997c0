package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The service a customer request is about ({@code crm_service_request}), one per request. */
@Entity(name = "ServiceRequest")
@Table(name = "crm_service_request")
class ServiceRequestEntity {
    @Id
    @Column(name = "request_id")
    Long requestId;

    @Column(name = "service_id", nullable = false)
    long serviceId;

    @Column(name = "linked_by", nullable = false, length = 100)
    String linkedBy;

    @Column(name = "linked_at", nullable = false)
    Instant linkedAt;
}
