package org.crm4j.persistence.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import java.util.Currency;
import java.util.List;
import org.crm4j.common.ExternalRef;
import org.crm4j.sales.DocumentKind;
import org.crm4j.sales.store.DocumentRecord;

/** An order, invoice or credit note from the ERP ({@code crm_sales_document}) with its lines. */
@Entity(name = "SalesDocument")
@Table(name = "crm_sales_document")
class SalesDocumentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_sales_document_seq")
    @SequenceGenerator(name = "crm_sales_document_seq", sequenceName = "crm_sales_document_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20, updatable = false)
    DocumentKind kind;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(nullable = false, length = 3)
    String currency;

    @Column(name = "ordered_on")
    LocalDate orderedOn;

    @Column(name = "invoiced_on")
    LocalDate invoicedOn;

    @Column(name = "due_on")
    LocalDate dueOn;

    @Column(name = "salesperson_id", length = 100)
    String salespersonId;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal net;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal tax;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal gross;

    @Column(name = "reverses_id")
    Long reversesId;

    @Column(name = "order_id")
    Long orderId;

    @Column(name = "opportunity_id")
    Long opportunityId;

    @Column(name = "campaign_id")
    Long campaignId;

    @Column(name = "external_system", nullable = false, length = 50, updatable = false)
    String externalSystem;

    @Column(name = "external_id", nullable = false, length = 100, updatable = false)
    String externalId;

    @Column(name = "received_at", nullable = false, updatable = false)
    Instant receivedAt;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "bill_name", length = 200))
    @AttributeOverride(name = "address.street", column = @Column(name = "bill_street", length = 200))
    @AttributeOverride(name = "address.postalCode", column = @Column(name = "bill_postal_code", length = 20))
    @AttributeOverride(name = "address.city", column = @Column(name = "bill_city", length = 100))
    @AttributeOverride(name = "address.region", column = @Column(name = "bill_region", length = 100))
    @AttributeOverride(name = "address.country", column = @Column(name = "bill_country", length = 2))
    @AttributeOverride(name = "phone", column = @Column(name = "bill_phone", length = 20))
    DocumentAddressValue billTo;

    @Embedded
    @AttributeOverride(name = "name", column = @Column(name = "ship_name", length = 200))
    @AttributeOverride(name = "address.street", column = @Column(name = "ship_street", length = 200))
    @AttributeOverride(name = "address.postalCode", column = @Column(name = "ship_postal_code", length = 20))
    @AttributeOverride(name = "address.city", column = @Column(name = "ship_city", length = 100))
    @AttributeOverride(name = "address.region", column = @Column(name = "ship_region", length = 100))
    @AttributeOverride(name = "address.country", column = @Column(name = "ship_country", length = 2))
    @AttributeOverride(name = "phone", column = @Column(name = "ship_phone", length = 20))
    DocumentAddressValue shipTo;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "crm_sales_line", joinColumns = @JoinColumn(name = "document_id"))
    @OrderColumn(name = "position")
    List<SalesLineValue> lines = new ArrayList<>();

    /** For Hibernate. */
    protected SalesDocumentEntity() {
    }

    static SalesDocumentEntity of(DocumentRecord r) {
        SalesDocumentEntity e = new SalesDocumentEntity();
        e.kind = r.kind();
        e.customerId = r.customerId();
        e.externalSystem = r.externalRef().system();
        e.externalId = r.externalRef().id();
        e.receivedAt = r.receivedAt();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(DocumentRecord r) {
        currency = r.currency();
        orderedOn = r.orderedOn();
        invoicedOn = r.invoicedOn();
        dueOn = r.dueOn();
        salespersonId = r.salespersonId();
        net = r.net();
        tax = r.tax();
        gross = r.gross();
        reversesId = r.reversesId();
        orderId = r.orderId();
        opportunityId = r.opportunityId();
        campaignId = r.campaignId();
        updatedAt = r.updatedAt();
        billTo = DocumentAddressValue.of(r.billTo());
        shipTo = DocumentAddressValue.of(r.shipTo());
        Currency c = Currency.getInstance(currency);
        ElementCollections.replace(lines, r.lines().stream().map(l -> SalesLineValue.of(l, c)).toList());
    }

    DocumentRecord toRecord() {
        return new DocumentRecord(id, version, kind, ExternalRef.of(externalSystem, externalId), customerId, currency,
                orderedOn, invoicedOn, dueOn, salespersonId, lines.stream().map(SalesLineValue::toLine).toList(),
                net, tax, gross, reversesId, orderId, opportunityId, campaignId, receivedAt, updatedAt,
                DocumentAddressValue.toAddress(billTo), DocumentAddressValue.toAddress(shipTo));
    }
}
