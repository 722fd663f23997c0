package org.crm4j.activity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.common.Page;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.RoleCodes;

/**
 * Activities with customers as one actor may see and log them, and the first-contact ledger
 * (R9). Get it from {@code crm.as(actor).activities()}.
 *
 * <p>Need-to-know (R28), as for deals: an activity is visible to its owner, the owner's superiors
 * and administrators, on every read path.
 */
public interface Activities {

    /**
     * The default predefined responsible roles (R9): {@link RoleCodes#CFO}, {@link RoleCodes#CTO}
     * and {@link RoleCodes#IT_MANAGER}. A contact person must hold one of the CRM's responsible
     * roles for a first call or first meeting to count; these unless the host set others with
     * {@code Crm.builder().responsibleRoles(...)}.
     */
    Set<String> RESPONSIBLE_ROLES = Set.of(RoleCodes.CFO, RoleCodes.CTO, RoleCodes.IT_MANAGER);

    /**
     * Logs one activity, raising {@code activity.logged}. An activity linked to a deal counts as
     * activity on the deal at its start, or at the time of logging when it starts later.
     *
     * @param activity what it is
     * @return the activity
     * @throws ValidationException listing every broken rule: it ends before it starts, the owner
     *     or a colleague is unknown, a participant is no contact person of the customer (checked
     *     in one query), the deal or the lead is not the customer's
     * @throws AccessDeniedException when the actor may not open the customer, the owner is neither
     *     the actor nor reports to the actor, or the actor may not see the linked deal or lead
     * @throws NotFoundException when there is no such customer
     */
    Activity log(NewActivity activity);

    /**
     * @param id an activity
     * @return it
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see it
     */
    Activity get(ActivityId id);

    /**
     * Completes a planned activity, raising {@code activity.completed}.
     *
     * @param id a planned activity
     * @param outcome how it went, up to 2,000 characters
     * @return it as now stored, done
     * @throws ValidationException when it is done already, or the outcome is blank or too long
     * @throws AccessDeniedException when the actor may not see it
     * @throws NotFoundException when there is none
     * @throws ConflictException when someone else changed it meanwhile
     */
    Activity complete(ActivityId id, String outcome);

    /**
     * Sets, moves or removes the reminder of a planned activity (R15): when it is due,
     * {@code Crm.runDueWork()} sends a notice to the activity's owner and to the colleagues taking
     * part. A moved reminder is due again, even when the earlier one was sent. Raises
     * {@code activity.reminder-set}. The activity's version does not move.
     *
     * @param id a planned activity
     * @param remindAt when to remind, or null to remove the reminder
     * @return when it will remind, empty when removed
     * @throws ValidationException when the activity is done already
     * @throws AccessDeniedException when the actor may not see it
     * @throws NotFoundException when there is none
     */
    Optional<Instant> remind(ActivityId id, Instant remindAt);

    /**
     * @param id an activity the actor may see
     * @return when it reminds, empty when it has no reminder
     * @throws AccessDeniedException when the actor may not see it
     * @throws NotFoundException when there is none
     */
    Optional<Instant> reminder(ActivityId id);

    /**
     * @param customerId a customer
     * @param pageToken where the previous page ended, or null for the first page
     * @param pageSize 1 to 500
     * @return the customer's activities the actor may see, latest start first (then highest id)
     * @throws NotFoundException when there is no such customer
     * @throws ValidationException when the page size is out of range or the token is not one
     */
    Page<Activity> ofCustomer(CustomerId customerId, String pageToken, int pageSize);

    /**
     * The schedule (R14): the activities starting in the query's period, planned, done or both,
     * of one user, a team (a manager and everyone who reports to them, directly or not) or
     * everyone the actor may see, earliest start first (then lowest id), one keyset page at a time.
     * Need-to-know is applied in the query: an activity is on it only when the actor may see its
     * owner.
     *
     * @param query whose activities, when, and which page
     * @return the page, with the token of the next one while there are more
     * @throws ValidationException when the user or manager is unknown ({@code userId},
     *     {@code KnownUser}) or the page token is not one of a schedule
     * @throws AccessDeniedException when the actor may not see that user's or manager's activities
     */
    Page<Activity> schedule(ScheduleQuery query);

    /**
     * Per user of a schedule, how many of its activities are planned and done, in one aggregate
     * query over the whole period (the query's page is ignored), with need-to-know as
     * {@link #schedule}.
     *
     * @param query whose activities and when
     * @return one count per user with activities on it, ordered by user id
     * @throws ValidationException when the user or manager is unknown
     * @throws AccessDeniedException when the actor may not see that user's or manager's activities
     */
    List<ScheduleCount> scheduleCounts(ScheduleQuery query);

    /**
     * Records the actor's first call with a customer (R9): logs a done outbound call with the
     * contact person and enters it in the first-contact ledger, in one transaction, raising
     * {@code activity.logged} and {@code first-contact.recorded}. Each salesperson records one
     * first call per customer; the store holds that rule (in a database, with a unique
     * constraint), also against concurrent calls.
     *
     * @param customerId a customer the actor may open
     * @param contactId its contact person, holding one of the responsible roles (by default
     *     {@link #RESPONSIBLE_ROLES}, else those given to {@code Crm.Builder.responsibleRoles})
     * @param at when the call took place
     * @param outcome how it went, or null
     * @return the call logged
     * @throws ValidationException when the contact is not the customer's ({@code contactId},
     *     {@code CustomersContact}) or holds no responsible role ({@code contactId},
     *     {@code ResponsibleRole})
     * @throws ConflictException when the actor recorded a first call with the customer already
     * @throws AccessDeniedException when the actor may not open the customer
     * @throws NotFoundException when there is no such customer
     */
    Activity recordFirstCall(CustomerId customerId, ContactId contactId, Instant at, String outcome);

    /**
     * Records the actor's first meeting with a customer (R9), as {@link #recordFirstCall} does
     * the first call: a done meeting with the contact person and its ledger entry, one per
     * salesperson and customer.
     *
     * @param customerId a customer the actor may open
     * @param contactId its contact person, holding one of the responsible roles (by default
     *     {@link #RESPONSIBLE_ROLES}, else those given to {@code Crm.Builder.responsibleRoles})
     * @param at when the meeting took place
     * @param outcome how it went, or null
     * @return the meeting logged
     * @throws ValidationException when the contact is not the customer's or holds no responsible role
     * @throws ConflictException when the actor recorded a first meeting with the customer already
     * @throws AccessDeniedException when the actor may not open the customer
     * @throws NotFoundException when there is no such customer
     */
    Activity recordFirstMeeting(CustomerId customerId, ContactId contactId, Instant at, String outcome);
}
