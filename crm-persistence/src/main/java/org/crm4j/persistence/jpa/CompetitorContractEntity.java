package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.crm4j.customer.CompetitorContract;
import org.crm4j.customer.CompetitorContractId;
import org.crm4j.customer.CustomerId;

/** A customer's contract with a competitor ({@code crm_competitor_contract}); never changed, only removed. */
@Entity(name = "CompetitorContract")
@Table(name = "crm_competitor_contract")
class CompetitorContractEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_competitor_contract_seq")
    @SequenceGenerator(name = "crm_competitor_contract_seq", sequenceName = "crm_competitor_contract_seq",
            allocationSize = 50)
    Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(nullable = false, updatable = false, length = 200)
    String supplier;

    @Column(updatable = false, length = 200)
    String product;

    @Column(name = "ends_on", nullable = false, updatable = false)
    LocalDate endsOn;

    @Column(updatable = false, length = 2000)
    String note;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    /** For Hibernate. */
    protected CompetitorContractEntity() {
    }

    CompetitorContract toContract() {
        return new CompetitorContract(CompetitorContractId.of(id), CustomerId.of(customerId), supplier, product, endsOn,
                note, createdBy, createdAt);
    }
}
