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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crm4j.common.Money;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;

/**
 * A deal ({@code crm_opportunity}) with its competitors and the contact persons involved. Money
 * is kept as an amount and a currency code; the collections are lazy and fetched by the queries.
 * Every change moves the deal's last activity to its {@code updatedAt}, never backwards.
 */
@Entity(name = "Opportunity")
@Table(name = "crm_opportunity")
class OpportunityEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_opportunity_seq")
    @SequenceGenerator(name = "crm_opportunity_seq", sequenceName = "crm_opportunity_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(name = "owner_id", nullable = false, length = 100)
    String ownerId;

    @Column(name = "pipeline_id", nullable = false, updatable = false)
    long pipelineId;

    @Column(name = "stage_code", nullable = false, length = 40)
    String stageCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    OpportunityStatus status;

    @Column(nullable = false, length = 200)
    String title;

    @Column(precision = 19, scale = 4)
    BigDecimal amount;

    @Column(length = 3)
    String currency;

    @Column(nullable = false)
    int probability;

    @Column(name = "probability_reason", length = 200)
    String probabilityReason;

    @Column(name = "expected_close", nullable = false)
    LocalDate expectedClose;

    @Column(length = 100)
    String source;

    @Column(name = "close_reason", length = 50)
    String closeReason;

    @Column(name = "close_note", length = 2000)
    String closeNote;

    @Column(name = "lost_to", length = 100)
    String lostTo;

    @Column(name = "price_gap", precision = 19, scale = 4)
    BigDecimal priceGap;

    @Column(name = "price_gap_currency", length = 3)
    String priceGapCurrency;

    @Column(name = "stage_since", nullable = false)
    Instant stageSince;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** When something last happened on the deal: its latest change (activities will set it too). */
    @Column(name = "last_activity_at", nullable = false)
    Instant lastActivityAt;

    @ElementCollection
    @CollectionTable(name = "crm_opportunity_competitor", joinColumns = @JoinColumn(name = "opportunity_id"))
    @Column(name = "competitor", nullable = false, length = 100)
    Set<String> competitors = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "crm_opportunity_participant", joinColumns = @JoinColumn(name = "opportunity_id"))
    @OrderColumn(name = "position")
    List<ParticipantValue> participants = new ArrayList<>();

    /** For Hibernate. */
    protected OpportunityEntity() {
    }

    static OpportunityEntity of(OpportunityRecord record) {
        OpportunityEntity e = new OpportunityEntity();
        e.customerId = record.customerId();
        e.pipelineId = record.pipelineId();
        e.createdAt = record.createdAt();
        e.copyFrom(record);
        return e;
    }

    void copyFrom(OpportunityRecord r) {
        ownerId = r.ownerId();
        stageCode = r.stageCode();
        status = r.status();
        title = r.title();
        amount = r.amount() == null ? null : r.amount().amount();
        currency = r.amount() == null ? null : r.amount().currency().getCurrencyCode();
        probability = r.probability();
        probabilityReason = r.probabilityReason();
        expectedClose = r.expectedClose();
        source = r.source();
        closeReason = r.closeReason();
        closeNote = r.closeNote();
        lostTo = r.lostTo();
        priceGap = r.priceGap() == null ? null : r.priceGap().amount();
        priceGapCurrency = r.priceGap() == null ? null : r.priceGap().currency().getCurrencyCode();
        stageSince = r.stageSince();
        updatedAt = r.updatedAt();
        if (lastActivityAt == null || r.updatedAt().isAfter(lastActivityAt)) {
            lastActivityAt = r.updatedAt();
        }
        ElementCollections.replace(competitors, r.competitors());
        List<ParticipantValue> wanted = r.participants().stream().map(ParticipantValue::of).toList();
        ElementCollections.replace(participants, wanted);
    }

    OpportunityRecord toRecord() {
        return new OpportunityRecord(id, version, customerId, ownerId, pipelineId, stageCode, status, title,
                money(amount, currency), probability, probabilityReason, expectedClose, source, competitors,
                participants.stream().map(ParticipantValue::toParticipant).toList(), closeReason, closeNote, lostTo,
                money(priceGap, priceGapCurrency), stageSince, createdAt, updatedAt);
    }

    /** Money from a numeric(19,4) column: exact at the currency's own number of decimals. */
    static Money money(BigDecimal value, String currencyCode) {
        if (value == null || currencyCode == null) {
            return null;
        }
        return Money.of(value, currencyCode);
    }
}
