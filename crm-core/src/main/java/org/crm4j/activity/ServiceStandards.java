package org.crm4j.activity;

import java.time.Instant;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ValidationException;

/**
 * The service standards (R14) as one actor may set and check them. Get it from
 * {@code crm.as(actor).serviceStandards()}.
 *
 * <p>Standards hold for the whole CRM. Administrators and managers define and remove them; a
 * manager is a user who has someone reporting to them in the user directory. Everyone may list
 * them. {@link #notMet} judges only the salespeople the actor may see (the actor and everyone
 * who reports to them; everybody for an administrator).
 */
public interface ServiceStandards {

    /**
     * Defines a standard, replacing the one of the same kind and scope (the same rating, or the
     * same activity type), raising {@code service-standard.defined}. A request's due time is
     * fixed when it comes in: a changed answer standard times the requests that come in later.
     *
     * @param standard the standard
     * @return it
     * @throws ValidationException when it is null
     * @throws AccessDeniedException when the actor is neither an administrator nor a manager
     * @throws org.crm4j.ConflictException when another one of the same kind and scope was
     *     defined at the same time
     */
    ServiceStandard define(ServiceStandard standard);

    /**
     * Removes the standard of the same kind and scope as the one given (whatever its number of
     * days or hours), raising {@code service-standard.removed} when there was one.
     *
     * @param standard names the kind and scope
     * @return whether there was one to remove
     * @throws ValidationException when it is null
     * @throws AccessDeniedException when the actor is neither an administrator nor a manager
     */
    boolean remove(ServiceStandard standard);

    /** @return every standard: contact, answer, then logging standards, each by scope */
    List<ServiceStandard> list();

    /**
     * Where the standards are not met, by salesperson, counted by the database:
     * <ul>
     *   <li>{@link ShortfallKind#NOT_CONTACTED}: per {@link ServiceStandard.ContactEvery}, the
     *       active customers of its rating, older than its days, with no call, meeting or e-mail
     *       done between {@code asOf} less its days and {@code asOf} and no request answered in
     *       that time, by the customer's owner;</li>
     *   <li>{@link ShortfallKind#ANSWERED_LATE} and {@link ShortfallKind#UNANSWERED_OVERDUE}: the
     *       requests due in the period that were answered after their due time, or are still open,
     *       by the request's owner, as they stand now;</li>
     *   <li>{@link ShortfallKind#LOGGED_LATE}: per {@link ServiceStandard.LogWithin}, the
     *       activities of its type that ended in the period and were recorded done more than its
     *       hours later (or are still planned by {@code asOf}), by the activity's owner.</li>
     * </ul>
     *
     * @param since the start of the period
     * @param asOf its end, after {@code since}
     * @return the shortfalls of the salespeople the actor may see
     * @throws ValidationException when an instant is missing or the period is empty
     */
    ShortfallReport notMet(Instant since, Instant asOf);
}
