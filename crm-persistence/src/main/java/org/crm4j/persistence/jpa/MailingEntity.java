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
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import org.crm4j.CrmException;
import org.crm4j.customer.CriteriaText;
import org.crm4j.customer.Purpose;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.store.MailingRecord;
import org.crm4j.mailing.MailingStatus;

/**
 * A mailing ({@code crm_mailing}). The audience is kept as a kind and a text: a segment's criteria
 * as {@link CriteriaText} writes them, listed employees one a line, or a team's manager.
 */
@Entity(name = "Mailing")
@Table(name = "crm_mailing")
class MailingEntity {
    private static final String SEGMENT = "SEGMENT";
    private static final String EMPLOYEES = "EMPLOYEES";
    private static final String TEAM = "TEAM";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_mailing_seq")
    @SequenceGenerator(name = "crm_mailing_seq", sequenceName = "crm_mailing_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Column(nullable = false, length = 200)
    String name;

    @Column(length = 50)
    String purpose;

    @Column(name = "audience_kind", nullable = false, length = 10)
    String audienceKind;

    @Column(name = "audience_value")
    String audienceValue;

    @Column(nullable = false, length = 500)
    String subject;

    @Column(name = "body_text", nullable = false)
    String bodyText;

    @Column(name = "body_html")
    String bodyHtml;

    @Column(name = "unsubscribe_link", length = 500)
    String unsubscribeLink;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    MailingStatus status;

    @Column(name = "owner_id", nullable = false, length = 100)
    String ownerId;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "audience_fixed_at")
    Instant audienceFixedAt;

    @Column(name = "completed_at")
    Instant completedAt;

    @Column(name = "last_error", length = 1000)
    String lastError;

    /** For Hibernate. */
    protected MailingEntity() {
    }

    static MailingEntity of(MailingRecord r) {
        MailingEntity e = new MailingEntity();
        e.createdAt = r.createdAt();
        e.copyFrom(r);
        return e;
    }

    void copyFrom(MailingRecord r) {
        name = r.name();
        purpose = r.purpose() == null ? null : r.purpose().code();
        Audience a = r.audience();
        if (a instanceof Audience.Segment s) {
            audienceKind = SEGMENT;
            audienceValue = s.where() == null ? null : CriteriaText.format(s.where());
        } else if (a instanceof Audience.Employees e) {
            audienceKind = EMPLOYEES;
            audienceValue = String.join("\n", e.userIds());
        } else {
            audienceKind = TEAM;
            audienceValue = ((Audience.TeamOf) a).managerId();
        }
        subject = r.subject();
        bodyText = r.text();
        bodyHtml = r.html();
        unsubscribeLink = r.unsubscribeLink();
        status = r.status();
        ownerId = r.ownerId();
        updatedAt = r.updatedAt();
        audienceFixedAt = r.audienceFixedAt();
        completedAt = r.completedAt();
        lastError = r.lastError();
    }

    MailingRecord toRecord() {
        Audience audience = switch (audienceKind) {
            case SEGMENT -> Audience.segment(audienceValue == null ? null : CriteriaText.parse(audienceValue));
            case EMPLOYEES -> new Audience.Employees(Arrays.asList(audienceValue.split("\n")));
            case TEAM -> Audience.teamOf(audienceValue);
            default -> throw new CrmException("mailing " + id + " has an unknown audience kind " + audienceKind);
        };
        return new MailingRecord(id, version, name, purpose == null ? null : Purpose.of(purpose), audience, subject,
                bodyText, bodyHtml, unsubscribeLink, status, ownerId, createdAt, updatedAt, audienceFixedAt,
                completedAt, lastError);
    }
}
