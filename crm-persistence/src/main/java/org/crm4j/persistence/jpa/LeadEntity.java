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
import java.util.ArrayList;
import java.util.List;
import org.crm4j.common.EmailAddress;
import org.crm4j.common.NameKeys;
import org.crm4j.common.PhoneNumber;
import org.crm4j.lead.store.LeadRecord;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.Prospect;

/**
 * A lead ({@code crm_lead}) with its contact attempts (lazy, fetched by the queries); an inbound
 * lead's prospect is kept in the {@code prospect_*} columns.
 */
@Entity(name = "Lead")
@Table(name = "crm_lead")
class LeadEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_lead_seq")
    @SequenceGenerator(name = "crm_lead_seq", sequenceName = "crm_lead_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Column(name = "campaign_id", updatable = false)
    Long campaignId;

    @Column(name = "customer_id")
    Long customerId;

    @Column(name = "prospect_company", updatable = false, length = 200)
    String prospectCompany;

    @Column(name = "prospect_person", updatable = false, length = 200)
    String prospectPerson;

    @Column(name = "prospect_email", updatable = false, length = 254)
    String prospectEmail;

    @Column(name = "prospect_phone", updatable = false, length = 30)
    String prospectPhone;

    @Column(name = "prospect_tax_id", updatable = false, length = 50)
    String prospectTaxId;

    @Column(name = "prospect_city", updatable = false, length = 100)
    String prospectCity;

    @Column(name = "prospect_country", updatable = false, length = 2)
    String prospectCountry;

    /** The prospect's e-mail in lower case, for the duplicate check. */
    @Column(name = "email_key", updatable = false, length = 254)
    String emailKey;

    /** The name key ({@link NameKeys}) of the prospect's company, or person when there is none. */
    @Column(name = "name_key", updatable = false, length = NameKeys.MAX_LENGTH)
    String nameKey;

    @Column(updatable = false, length = 200)
    String keyword;

    @Column(updatable = false, length = 100)
    String source;

    @Column(name = "owner_id", nullable = false, length = 100)
    String ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    LeadStatus status;

    @Column(name = "disqualify_reason", length = 500)
    String disqualifyReason;

    @Column(name = "opportunity_id")
    Long opportunityId;

    @Column(name = "created_by", nullable = false, updatable = false, length = 100)
    String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "crm_lead_attempt", joinColumns = @JoinColumn(name = "lead_id"))
    @OrderColumn(name = "position")
    List<ContactAttemptValue> attempts = new ArrayList<>();

    /** What the lead looked like when it was opened, best first; never changed. */
    @ElementCollection
    @CollectionTable(name = "crm_lead_match", joinColumns = @JoinColumn(name = "lead_id"))
    @OrderColumn(name = "position")
    List<LeadMatchValue> matches = new ArrayList<>();

    /** For Hibernate. */
    protected LeadEntity() {
    }

    static LeadEntity of(LeadRecord r) {
        LeadEntity e = new LeadEntity();
        e.campaignId = r.campaignId();
        Prospect p = r.prospect();
        if (p != null) {
            e.prospectCompany = p.company();
            e.prospectPerson = p.personName();
            e.prospectEmail = p.email() == null ? null : p.email().value();
            e.prospectPhone = p.phone() == null ? null : p.phone().value();
            e.prospectTaxId = p.taxId();
            e.prospectCity = p.city();
            e.prospectCountry = p.country();
            e.emailKey = p.email() == null ? null : p.email().normalized();
            e.nameKey = NameKeys.normalize(p.company() != null ? p.company() : p.personName());
        }
        r.matches().forEach(m -> e.matches.add(LeadMatchValue.of(m)));
        e.keyword = r.keyword();
        e.source = r.source();
        e.createdBy = r.createdBy();
        e.createdAt = r.createdAt();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(LeadRecord r) {
        customerId = r.customerId();
        ownerId = r.ownerId();
        status = r.status();
        disqualifyReason = r.disqualifyReason();
        opportunityId = r.opportunityId();
        updatedAt = r.updatedAt();
        List<ContactAttemptValue> wanted = r.attempts().stream().map(ContactAttemptValue::of).toList();
        ElementCollections.replace(attempts, wanted);
    }

    LeadRecord toRecord() {
        boolean prospect = prospectCompany != null || prospectPerson != null || prospectEmail != null
                || prospectPhone != null;
        Prospect p = prospect ? new Prospect(prospectCompany, prospectPerson,
                prospectEmail == null ? null : new EmailAddress(prospectEmail),
                prospectPhone == null ? null : new PhoneNumber(prospectPhone), prospectTaxId, prospectCity,
                prospectCountry) : null;
        return new LeadRecord(id, version, campaignId, customerId, p, keyword, source, ownerId, status,
                disqualifyReason, attempts.stream().map(ContactAttemptValue::toAttempt).toList(), opportunityId,
                createdBy, createdAt, updatedAt, matches.stream().map(LeadMatchValue::toMatch).toList());
    }
}
