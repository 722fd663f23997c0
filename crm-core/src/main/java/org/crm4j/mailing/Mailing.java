package org.crm4j.mailing;

import java.time.Instant;
import java.util.Optional;
import org.crm4j.customer.Purpose;
import org.crm4j.mailing.store.MailingRecord;

/**
 * A mailing as its readers see it.
 *
 * @param id the id
 * @param version the optimistic version, for {@link Mailings#edit}
 * @param name what it is called
 * @param purpose what the contacts must have consented to; null for employees
 * @param audience who it goes to
 * @param subject the subject's template
 * @param text the plain-text body's template
 * @param html the HTML body's template, or null
 * @param unsubscribeLink the unsubscribe link's pattern, or null
 * @param status where it stands
 * @param ownerId who owns it
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param completedAt when it was completed, or null
 * @param lastError why the last sending run paused, or null
 */
public record Mailing(MailingId id, long version, String name, Purpose purpose, Audience audience, String subject,
        String text, String html, String unsubscribeLink, MailingStatus status, String ownerId, Instant createdAt,
        Instant updatedAt, Instant completedAt, String lastError) {

    /**
     * @param r the stored state
     * @return the mailing
     */
    public static Mailing fromRecord(MailingRecord r) {
        return new Mailing(MailingId.of(r.id()), r.version(), r.name(), r.purpose(), r.audience(), r.subject(),
                r.text(), r.html(), r.unsubscribeLink(), r.status(), r.ownerId(), r.createdAt(), r.updatedAt(),
                r.completedAt(), r.lastError());
    }

    /** @return the HTML body's template, if there is one */
    public Optional<String> htmlTemplate() {
        return Optional.ofNullable(html);
    }
}
