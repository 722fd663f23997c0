package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Where crm4j stands with a sales source ({@code crm_sales_source}). */
@Entity(name = "SalesSource")
@Table(name = "crm_sales_source")
class SalesSourceEntity {
    @Id
    @Column(name = "source_id", length = 100)
    String sourceId;

    @Column(length = 1000)
    String checkpoint;

    @Column(name = "pulled_at", nullable = false)
    Instant pulledAt;
}
