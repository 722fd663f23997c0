package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kept document's content ({@code crm_document_content}), read only when asked for. */
@Entity(name = "KeptDocumentContent")
@Table(name = "crm_document_content")
class KeptDocumentContentEntity {
    @Id
    @Column(name = "document_id")
    Long documentId;

    @Column(nullable = false)
    byte[] content;
}
