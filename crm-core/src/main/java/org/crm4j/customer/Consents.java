package org.crm4j.customer;

import java.time.Instant;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;

/**
 * The consents of contact persons to be written to (R16), per purpose, and their unsubscriptions
 * from everything. Get it from {@code crm.as(actor).consents()}.
 *
 * <p>Need-to-know is the customer's: only who may open the contact's customer (its owner, the
 * owner's superiors, administrators) reads and records its contacts' consents; others get an
 * {@link AccessDeniedException}. Every change is written with its event in one transaction:
 * {@code consent.granted}, {@code consent.withdrawn}, {@code contact.unsubscribed},
 * {@code contact.resubscribed}. Mailings go only to contacts with a granted consent for their
 * purpose who did not unsubscribe.
 */
public interface Consents {

    /**
     * Records that the contact agreed to be written to for a purpose, replacing an earlier grant or
     * withdrawal. An unsubscription still beats it.
     *
     * @param contactId the contact person
     * @param purpose what for
     * @param at when the contact agreed, not in the future; null for now
     * @param source where the consent came from, 1 to 200 characters (e.g. {@code web form})
     * @return the consent
     * @throws ValidationException when the source is blank or too long, or the time is in the future
     * @throws NotFoundException when there is no such contact
     * @throws AccessDeniedException when the actor may not open the contact's customer
     */
    Consent grant(ContactId contactId, Purpose purpose, Instant at, String source);

    /**
     * Records that the contact withdrew the consent for a purpose (also when none was granted: it
     * says not to write to them for it), now.
     *
     * @param contactId the contact person
     * @param purpose what for
     * @param source where the withdrawal came from, 1 to 200 characters
     * @return the withdrawn consent
     * @throws ValidationException when the source is blank or too long
     * @throws NotFoundException when there is no such contact
     * @throws AccessDeniedException when the actor may not open the contact's customer
     */
    Consent withdraw(ContactId contactId, Purpose purpose, String source);

    /**
     * Records that the contact wants no mailing at all, now; it beats every consent. Unsubscribing
     * again keeps the first unsubscription and writes nothing.
     *
     * @param contactId the contact person
     * @param source where it came from, 1 to 200 characters (e.g. {@code unsubscribe link})
     * @return the unsubscription
     * @throws ValidationException when the source is blank or too long
     * @throws NotFoundException when there is no such contact
     * @throws AccessDeniedException when the actor may not open the contact's customer
     */
    Unsubscription unsubscribe(ContactId contactId, String source);

    /**
     * Lifts an unsubscription, when the contact asked to get mailings again; their consents apply
     * once more. Without an unsubscription it writes nothing.
     *
     * @param contactId the contact person
     * @param source where the request came from, 1 to 200 characters
     * @return the contact's consents now
     * @throws ValidationException when the source is blank or too long
     * @throws NotFoundException when there is no such contact
     * @throws AccessDeniedException when the actor may not open the contact's customer
     */
    ContactConsents resubscribe(ContactId contactId, String source);

    /**
     * @param contactId the contact person
     * @return their consents and unsubscription
     * @throws NotFoundException when there is no such contact
     * @throws AccessDeniedException when the actor may not open the contact's customer
     */
    ContactConsents of(ContactId contactId);
}
