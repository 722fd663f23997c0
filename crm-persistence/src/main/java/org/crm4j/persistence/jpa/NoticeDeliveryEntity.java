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
import org.crm4j.store.DeliveryState;

/**
 * The delivery of a notice through one channel ({@code crm_notice_delivery}). Claims are written
 * with a conditional bulk update; outcomes on the rows read locked with the claim's token.
 */
@Entity(name = "NoticeDelivery")
@Table(name = "crm_notice_delivery")
class NoticeDeliveryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_notice_delivery_seq")
    @SequenceGenerator(name = "crm_notice_delivery_seq", sequenceName = "crm_notice_delivery_seq",
            allocationSize = 50)
    Long id;

    @Column(name = "notice_id", nullable = false, updatable = false)
    long noticeId;

    @Column(nullable = false, updatable = false, length = 50)
    String channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    DeliveryState state;

    @Column(nullable = false)
    int attempts;

    @Column(name = "claim_token", length = 36)
    String claimToken;

    @Column(name = "lease_until")
    Instant leaseUntil;

    @Column(name = "sent_at")
    Instant sentAt;

    @Column(name = "last_error", length = 1000)
    String lastError;

    /** For Hibernate. */
    protected NoticeDeliveryEntity() {
    }

    static NoticeDeliveryEntity pending(long noticeId, String channel) {
        NoticeDeliveryEntity e = new NoticeDeliveryEntity();
        e.noticeId = noticeId;
        e.channel = channel;
        e.state = DeliveryState.PENDING;
        return e;
    }
}
