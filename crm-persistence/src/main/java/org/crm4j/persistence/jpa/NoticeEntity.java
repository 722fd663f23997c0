package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.crm4j.notify.Notice;
import org.crm4j.notify.NoticeId;
import org.crm4j.store.NoticeDraft;

/** A notice to one employee ({@code crm_notice}); only its inbox arrival and read time change. */
@Entity(name = "Notice")
@Table(name = "crm_notice")
class NoticeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_notice_seq")
    @SequenceGenerator(name = "crm_notice_seq", sequenceName = "crm_notice_seq", allocationSize = 50)
    Long id;

    @Column(name = "notice_key", nullable = false, updatable = false, length = 200)
    String key;

    @Column(nullable = false, updatable = false, length = 100)
    String kind;

    @Column(name = "recipient_id", nullable = false, updatable = false, length = 100)
    String recipientId;

    @Column(name = "customer_id", updatable = false)
    Long customerId;

    @Column(nullable = false, updatable = false, length = 1000)
    String subject;

    @Column(nullable = false, updatable = false)
    String body;

    /** The values, encoded by {@link EventDataCodec}. */
    @Column(name = "notice_values", nullable = false, updatable = false)
    String values;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "inbox_at")
    Instant inboxAt;

    @Column(name = "read_at")
    Instant readAt;

    /** For Hibernate. */
    protected NoticeEntity() {
    }

    static NoticeEntity of(NoticeDraft d) {
        NoticeEntity e = new NoticeEntity();
        e.key = d.key();
        e.kind = d.kind();
        e.recipientId = d.recipientId();
        e.customerId = d.customerId();
        e.subject = d.subject().length() > 1000 ? d.subject().substring(0, 1000) : d.subject();
        e.body = d.body();
        e.values = EventDataCodec.encode(d.values());
        e.createdAt = d.createdAt();
        return e;
    }

    Notice toNotice() {
        return new Notice(NoticeId.of(id), key, kind, recipientId, customerId, subject, body,
                EventDataCodec.decode(values), createdAt, inboxAt, readAt);
    }
}
