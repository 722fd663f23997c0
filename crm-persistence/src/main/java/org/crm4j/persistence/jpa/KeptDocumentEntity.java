package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.CustomerDocumentId;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.DocumentOrigin;

/** A document kept on a customer ({@code crm_document}), without its content. */
@Entity(name = "KeptDocument")
@Table(name = "crm_document")
class KeptDocumentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_document_seq")
    @SequenceGenerator(name = "crm_document_seq", sequenceName = "crm_document_seq", allocationSize = 50)
    Long id;

    @Column(name = "customer_id", nullable = false)
    long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    DocumentOrigin origin;

    @Column(name = "source_id", nullable = false)
    long sourceId;

    @Column(nullable = false, length = 200)
    String title;

    @Column(name = "file_name", nullable = false, length = 200)
    String fileName;

    @Column(name = "media_type", nullable = false, length = 200)
    String mediaType;

    @Column(name = "size_bytes", nullable = false)
    long size;

    @Column(nullable = false, length = 64)
    String sha256;

    @Column(name = "owner_id", length = 100)
    String ownerId;

    @Column(name = "kept_by", nullable = false, length = 100)
    String keptBy;

    @Column(name = "kept_at", nullable = false)
    Instant keptAt;

    static KeptDocumentEntity of(CustomerDocument d) {
        KeptDocumentEntity e = new KeptDocumentEntity();
        e.customerId = d.customerId().value();
        e.origin = d.origin();
        e.sourceId = d.sourceId();
        e.title = d.title();
        e.fileName = d.fileName();
        e.mediaType = d.mediaType();
        e.size = d.size();
        e.sha256 = d.sha256();
        e.ownerId = d.ownerId();
        e.keptBy = d.keptBy();
        e.keptAt = d.keptAt();
        return e;
    }

    CustomerDocument toDocument() {
        return new CustomerDocument(CustomerDocumentId.of(id), CustomerId.of(customerId), origin, sourceId, title,
                fileName, mediaType, size, sha256, ownerId, keptBy, keptAt);
    }
}
