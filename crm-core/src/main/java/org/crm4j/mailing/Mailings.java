package org.crm4j.mailing;

import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.CrmException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;

/**
 * Mailings (R16) as one actor may see and send them. Get it from {@code crm.as(actor).mailings()}.
 *
 * <p>Need-to-know: a mailing is seen, edited and sent by its owner (who created it), the owner's
 * superiors and administrators. A segment is evaluated with the owner's need-to-know, in the
 * query: it reaches only customers the owner may open. A segment <em>the actor may not see</em>
 * is one whose criteria name an owner ({@code CustomerField.OWNER}, compared with equality or
 * {@code in}, anywhere in the tree) whose customers the actor may not open; creating or editing a
 * mailing with one is refused with an {@link AccessDeniedException}, so that a mailing never
 * claims to reach customers its owner cannot see.
 *
 * <p>Sending writes the recipients down first (in batches of {@value #AUDIENCE_BATCH} customers or
 * employees, each in its own transaction, a unique rule per mailing and recipient), skipping and
 * counting contacts without a granted consent for the mailing's purpose, who withdrew it or
 * unsubscribed (read in the same query as the contacts) and those without an e-mail address. Then
 * it claims pending recipients in the store (in batches of {@value #SEND_BATCH}) before handing
 * each message to the host's {@code MailSender}, with the stable message id
 * {@code mailing-<mailing>-<recipient>@crm4j}, so that two senders (threads or application nodes
 * on one database) never send to one recipient twice. Each sent message to a contact is recorded
 * as a done e-mail activity on the customer's history (owned by the customer's owner, the contact
 * as participant) in the same transaction as marking it sent. When the mail sender fails, the run
 * stops: what was sent stays sent and recorded, the mailing is paused, and the next
 * {@link #send} carries on with the rest. When the store fails while a handed-off message is
 * recorded, the recording is tried again for a few seconds; a run that fails anyway (the store
 * gone) gives its claimed recipients back, so that the next {@link #send} carries on at once. A
 * recipient whose run died after claiming it (a crash, or the store unreachable even for giving
 * it back) is claimed again after {@value #CLAIM_LEASE_MINUTES} minutes; the stable message id
 * lets the host's mail system drop the rare second hand-off.
 *
 * <p>Events: {@code mailing.created}, {@code mailing.updated}, {@code mailing.started},
 * {@code mailing.progress} (per batch), {@code mailing.paused}, {@code mailing.completed}, and
 * {@code activity.logged} for each e-mail recorded on a customer's history.
 */
public interface Mailings {

    /** How many customers (or employees) one batch of writing down the audience reads. */
    int AUDIENCE_BATCH = 500;
    /** How many recipients one sending batch claims. */
    int SEND_BATCH = 100;
    /** After how many minutes a recipient claimed by a run that never finished is claimed again. */
    int CLAIM_LEASE_MINUTES = 15;

    /**
     * Creates a draft, after compiling its templates and rendering each against a sample recipient.
     *
     * @param mailing what to create
     * @return the draft
     * @throws ValidationException listing every broken rule: a missing or too long name, subject or
     *     text, a missing purpose of a segment, a template that does not compile ({@code TemplateSyntax})
     *     or names an unknown placeholder ({@code UnknownPlaceholder}, naming it), an unknown employee
     *     or manager, a bad unsubscribe link
     * @throws AccessDeniedException when the segment names an owner whose customers the actor may not see
     * @throws CrmException when no template engine is configured
     */
    Mailing create(NewMailing mailing);

    /**
     * @param id a mailing
     * @return it
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see it
     */
    Mailing get(MailingId id);

    /**
     * Replaces a draft's content, checked as {@link #create} checks it.
     *
     * @param id the draft
     * @param version the version it was read at
     * @param changes the new content
     * @return the draft as now stored
     * @throws ValidationException when a rule is broken or the mailing is no draft any more
     * @throws ConflictException when someone changed it since it was read
     * @throws AccessDeniedException when the actor may not see it, or the new segment is not visible
     * @throws NotFoundException when there is none
     */
    Mailing edit(MailingId id, long version, NewMailing changes);

    /**
     * Sends a draft, or resumes a paused or interrupted mailing, until every recipient is sent to
     * or skipped, or the mail sender fails (then the mailing is paused and the report says why).
     *
     * @param id the mailing
     * @param progress told after each batch
     * @return where the mailing stands after the run
     * @throws ValidationException when the mailing is completed already
     * @throws AccessDeniedException when the actor may not see it
     * @throws NotFoundException when there is none
     * @throws CrmException when no mail sender or template engine is configured
     */
    MailingReport send(MailingId id, MailingProgress progress);

    /**
     * {@link #send(MailingId, MailingProgress)} without progress.
     *
     * @param id the mailing
     * @return where the mailing stands after the run
     */
    default MailingReport send(MailingId id) {
        return send(id, MailingProgress.NONE);
    }

    /**
     * @param id a mailing
     * @return where it stands, counted by the store in one query
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see it
     */
    MailingReport report(MailingId id);
}
