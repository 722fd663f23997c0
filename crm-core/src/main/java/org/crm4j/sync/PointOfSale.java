package org.crm4j.sync;

import java.util.UUID;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityId;
import org.crm4j.activity.NewActivity;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.Note;

/**
 * What a point of sale that worked offline sends back (R31), each change under an id the point of
 * sale gave it ({@code UUID}), so that a change sent twice (the answer was lost, the connection
 * dropped) counts once: the second time answers {@link SyncOutcome#ALREADY_RECEIVED} with the record
 * as it stands. Reached through {@code crm.as(staff).pointOfSale()}; the staff member's need-to-know
 * applies as to every change.
 *
 * <p><b>The rule for conflicts:</b> the central version wins. A change to a record that changed
 * centrally since the point of sale read it (its version is not the one the point of sale names)
 * is not applied; what the point of sale wrote is kept as a note on the customer, so nothing typed at
 * the counter is lost, and the answer is {@link SyncOutcome#CONFLICT} with the central record and
 * that note. New notes and activities never conflict.
 */
public interface PointOfSale {

    /**
     * @param clientId the point of sale's id of the note
     * @param customer the customer
     * @param text the note, 1 to 10,000 characters
     * @return the note, {@link SyncOutcome#CREATED} or {@link SyncOutcome#ALREADY_RECEIVED}
     * @throws ValidationException when the text is not a note's
     * @throws AccessDeniedException when the actor may not add notes to the customer
     */
    Synced<Note> note(UUID clientId, CustomerId customer, String text);

    /**
     * @param clientId the point of sale's id of the activity
     * @param activity a call, visit or task the point of sale logged
     * @return the activity, {@link SyncOutcome#CREATED} or {@link SyncOutcome#ALREADY_RECEIVED}
     */
    Synced<Activity> activity(UUID clientId, NewActivity activity);

    /**
     * Completes a planned activity the point of sale read at {@code readVersion}.
     *
     * @param clientId the point of sale's id of this change
     * @param activity the activity
     * @param readVersion the version the point of sale read
     * @param outcome how it went
     * @return {@link SyncOutcome#APPLIED}, {@link SyncOutcome#ALREADY_RECEIVED}, or
     *     {@link SyncOutcome#CONFLICT} when the activity changed centrally since (rescheduled,
     *     completed by someone else ...)
     * @throws NotFoundException when there is no such activity
     * @throws AccessDeniedException when the actor may not see it
     */
    Synced<Activity> complete(UUID clientId, ActivityId activity, long readVersion, String outcome);
}
