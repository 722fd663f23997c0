package org.crm4j.persistence.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.OfferStatus;

/** An offer ({@code crm_offer}) with its lines; the lines are lazy and fetched by the queries. */
@Entity(name = "Offer")
@Table(name = "crm_offer")
class OfferEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_offer_seq")
    @SequenceGenerator(name = "crm_offer_seq", sequenceName = "crm_offer_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Column(name = "opportunity_id", nullable = false, updatable = false)
    long opportunityId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(name = "offer_number", nullable = false, updatable = false)
    int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    OfferStatus status;

    @Column(nullable = false, length = 3, updatable = false)
    String currency;

    @Column(name = "valid_until", nullable = false)
    LocalDate validUntil;

    @Column(length = 4000)
    String terms;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "sent_at")
    Instant sentAt;

    @Column(name = "decided_at")
    Instant decidedAt;

    @Column(name = "decision_note", length = 2000)
    String decisionNote;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "crm_offer_line", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "position")
    List<OfferLineValue> lines = new ArrayList<>();

    /** For Hibernate. */
    protected OfferEntity() {
    }

    static OfferEntity of(OfferRecord r) {
        OfferEntity e = new OfferEntity();
        e.opportunityId = r.opportunityId();
        e.customerId = r.customerId();
        e.number = r.number();
        e.currency = r.currency().getCurrencyCode();
        e.createdBy = r.createdBy();
        e.createdAt = r.createdAt();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(OfferRecord r) {
        status = r.status();
        validUntil = r.validUntil();
        terms = r.terms();
        sentAt = r.sentAt();
        decidedAt = r.decidedAt();
        decisionNote = r.decisionNote();
        updatedAt = r.updatedAt();
        List<OfferLineValue> wanted = r.lines().stream().map(OfferLineValue::of).toList();
        ElementCollections.replace(lines, wanted);
    }

    OfferRecord toRecord() {
        Currency c = Currency.getInstance(currency);
        return new OfferRecord(id, version, opportunityId, customerId, number, status, c,
                lines.stream().map(l -> l.toLine(c)).toList(), validUntil, terms, createdBy, createdAt, sentAt,
                decidedAt, decisionNote, updatedAt);
    }
}
