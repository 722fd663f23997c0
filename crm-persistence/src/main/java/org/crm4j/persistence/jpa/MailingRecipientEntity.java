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
import org.crm4j.mailing.store.RecipientRecord;
import org.crm4j.mailing.RecipientStatus;
import org.crm4j.mailing.SkipReason;

/** One recipient of a mailing ({@code crm_mailing_recipient}); changed by conditional bulk updates only. */
@Entity(name = "MailingRecipient")
@Table(name = "crm_mailing_recipient")
class MailingRecipientEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_mailing_recipient_seq")
    @SequenceGenerator(name = "crm_mailing_recipient_seq", sequenceName = "crm_mailing_recipient_seq",
            allocationSize = 50)
    Long id;

    @Column(name = "mailing_id", nullable = false, updatable = false)
    long mailingId;

    @Column(name = "recipient_key", nullable = false, updatable = false, length = 120)
    String recipientKey;

    @Column(name = "contact_id", updatable = false)
    Long contactId;

    @Column(name = "customer_id", updatable = false)
    Long customerId;

    @Column(name = "customer_name", updatable = false, length = 200)
    String customerName;

    @Column(name = "customer_owner_id", updatable = false, length = 100)
    String customerOwnerId;

    @Column(name = "user_id", updatable = false, length = 100)
    String userId;

    @Column(name = "recipient_name", nullable = false, updatable = false, length = 200)
    String name;

    @Column(updatable = false, length = 400)
    String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    RecipientStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "skip_reason", length = 20)
    SkipReason skipReason;

    @Column(nullable = false)
    int attempts;

    @Column(name = "last_error", length = 1000)
    String lastError;

    @Column(name = "claim_token", length = 36)
    String claimToken;

    @Column(name = "claimed_at")
    Instant claimedAt;

    @Column(name = "sent_at")
    Instant sentAt;

    @Column(name = "activity_id")
    Long activityId;

    /** For Hibernate. */
    protected MailingRecipientEntity() {
    }

    static MailingRecipientEntity of(RecipientRecord r) {
        MailingRecipientEntity e = new MailingRecipientEntity();
        e.mailingId = r.mailingId();
        e.recipientKey = r.recipientKey();
        e.contactId = r.contactId();
        e.customerId = r.customerId();
        e.customerName = r.customerName();
        e.customerOwnerId = r.customerOwnerId();
        e.userId = r.userId();
        e.name = r.name();
        e.email = r.email();
        e.status = r.status();
        e.skipReason = r.skipReason();
        e.attempts = r.attempts();
        e.lastError = r.lastError();
        e.claimToken = r.claimToken();
        e.claimedAt = r.claimedAt();
        e.sentAt = r.sentAt();
        e.activityId = r.activityId();
        return e;
    }

    RecipientRecord toRecord() {
        return new RecipientRecord(id, mailingId, recipientKey, contactId, customerId, customerName, customerOwnerId,
                userId, name, email, status, skipReason, attempts, lastError, claimToken, claimedAt, sentAt,
                activityId);
    }
}
