package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.crm4j.customer.store.NoteRecord;

/** A note about a customer ({@code crm_note}); notes are never changed. */
@Entity(name = "Note")
@Table(name = "crm_note")
class NoteEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_note_seq")
    @SequenceGenerator(name = "crm_note_seq", sequenceName = "crm_note_seq", allocationSize = 50)
    Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    long customerId;

    @Column(name = "author_id", nullable = false, updatable = false, length = 100)
    String authorId;

    @Column(name = "note_text", nullable = false, updatable = false)
    String text;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    /** For Hibernate. */
    protected NoteEntity() {
    }

    static NoteEntity of(NoteRecord record) {
        NoteEntity e = new NoteEntity();
        e.customerId = record.customerId();
        e.authorId = record.authorId();
        e.text = record.text();
        e.createdAt = record.createdAt();
        return e;
    }

    NoteRecord toRecord() {
        return new NoteRecord(id, customerId, authorId, text, createdAt);
    }
}
