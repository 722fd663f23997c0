package org.crm4j.mailing.store;

import java.time.Instant;
import org.crm4j.customer.Purpose;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.MailingStatus;

/**
 * The stored state of a mailing, as the core hands it to a store and gets it back.
 *
 * @param id the id; 0 before the first insert
 * @param version the optimistic version
 * @param name what it is called, 1 to 200 characters
 * @param purpose what the contacts must have consented to; null for employees
 * @param audience who it goes to
 * @param subject the subject's template
 * @param text the plain-text body's template
 * @param html the HTML body's template, or null
 * @param unsubscribeLink the pattern of the unsubscribe link ({@code {contactId}} in it), or null
 * @param status where it stands
 * @param ownerId who owns it (who created it); need-to-know follows the owner
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param audienceFixedAt when its recipients were all written down, or null before
 * @param completedAt when it was completed, or null
 * @param lastError why the last sending run paused, or null
 */
public record MailingRecord(long id, long version, String name, Purpose purpose, Audience audience, String subject,
        String text, String html, String unsubscribeLink, MailingStatus status, String ownerId, Instant createdAt,
        Instant updatedAt, Instant audienceFixedAt, Instant completedAt, String lastError) {

    /**
     * @param newId the assigned id
     * @param newVersion the stored version
     * @return a copy with the identity a store assigned
     */
    public MailingRecord withIdentity(long newId, long newVersion) {
        return new MailingRecord(newId, newVersion, name, purpose, audience, subject, text, html, unsubscribeLink,
                status, ownerId, createdAt, updatedAt, audienceFixedAt, completedAt, lastError);
    }

    /**
     * @param newStatus the status
     * @param now when
     * @param error why it paused, or null
     * @return a copy in that status (completed now when it is {@link MailingStatus#COMPLETED})
     */
    public MailingRecord withStatus(MailingStatus newStatus, Instant now, String error) {
        return new MailingRecord(id, version, name, purpose, audience, subject, text, html, unsubscribeLink, newStatus,
                ownerId, createdAt, now, audienceFixedAt, newStatus == MailingStatus.COMPLETED ? now : completedAt,
                error);
    }

    /**
     * @param at when the recipients were all written down
     * @return a copy with the audience fixed
     */
    public MailingRecord withAudienceFixed(Instant at) {
        return new MailingRecord(id, version, name, purpose, audience, subject, text, html, unsubscribeLink, status,
                ownerId, createdAt, at, at, completedAt, lastError);
    }
}
