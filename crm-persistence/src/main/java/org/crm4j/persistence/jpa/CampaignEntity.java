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
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.store.CampaignRecord;
import org.crm4j.campaign.CampaignStatus;

/** A campaign ({@code crm_campaign}) with its costs; the costs are lazy and fetched by the queries. */
@Entity(name = "Campaign")
@Table(name = "crm_campaign")
class CampaignEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_campaign_seq")
    @SequenceGenerator(name = "crm_campaign_seq", sequenceName = "crm_campaign_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Column(nullable = false, length = 200)
    String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    CampaignGoal goal;

    @Column(name = "product_code", length = 50)
    String productCode;

    @Column(name = "starts_on", nullable = false)
    LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    LocalDate endsOn;

    @Column(length = 100)
    String channel;

    @Column(name = "owner_id", nullable = false, length = 100)
    String ownerId;

    @Column(name = "product_manager_id", length = 100)
    String productManagerId;

    @Column(nullable = false, length = 3, updatable = false)
    String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    CampaignStatus status;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "crm_campaign_cost", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    List<CampaignCostValue> costs = new ArrayList<>();

    /** For Hibernate. */
    protected CampaignEntity() {
    }

    static CampaignEntity of(CampaignRecord r) {
        CampaignEntity e = new CampaignEntity();
        e.currency = r.currency().getCurrencyCode();
        e.createdBy = r.createdBy();
        e.createdAt = r.createdAt();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(CampaignRecord r) {
        name = r.name();
        goal = r.goal();
        productCode = r.productCode();
        startsOn = r.startsOn();
        endsOn = r.endsOn();
        channel = r.channel();
        ownerId = r.ownerId();
        productManagerId = r.productManagerId();
        status = r.status();
        updatedAt = r.updatedAt();
        List<CampaignCostValue> wanted = r.costs().stream().map(CampaignCostValue::of).toList();
        ElementCollections.replace(costs, wanted);
    }

    CampaignRecord toRecord() {
        Currency c = Currency.getInstance(currency);
        return new CampaignRecord(id, version, name, goal, productCode, startsOn, endsOn, channel, ownerId,
                productManagerId, c, status, costs.stream().map(v -> v.toEntry(c)).toList(), createdBy, createdAt,
                updatedAt);
    }
}
