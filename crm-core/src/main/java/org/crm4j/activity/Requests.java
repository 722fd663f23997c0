package org.crm4j.activity;

import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.common.Page;

/**
 * Customer requests as one actor may see and handle them (R7): every question, complaint and
 * service request is logged, by a user or by an integration, and tracked until answered. Get it
 * from {@code crm.as(actor).requests()}.
 *
 * <p>A request is an activity of type {@link ActivityType#REQUEST}, so it is in the customer's
 * history; need-to-know is the activities' one: a request is visible to its owner (who answers
 * it), the owner's superiors and administrators, on every read path.
 *
 * <p>Its due time is fixed when it comes in: {@link ServiceStandard.AnswerRequestsWithin} for
 * the customer's rating, else the one without a rating, else {@link #DEFAULT_ANSWER_WORKING_DAYS}
 * working days, counted with the CRM's working calendar in the zone of its clock. Overdue
 * requests are listed by {@link #overdue}, and {@code Crm.escalateOverdueRequests} tells the owner
 * and then the owner's superior about them.
 */
public interface Requests {

    /** The working days a request gets to be answered in when no service standard says otherwise. */
    int DEFAULT_ANSWER_WORKING_DAYS = 2;

    /**
     * Logs a request a user took in (on the phone, at the counter ...), raising
     * {@code request.opened}.
     *
     * @param request what it is
     * @return the request, open, with its due time
     * @throws ValidationException listing every broken rule: a blank or too long subject, a too
     *     long text, a time of arrival in the future, an unknown owner, a contact person who is
     *     not the customer's
     * @throws AccessDeniedException when the actor may not open the customer, or gives an owner
     *     who is neither the actor nor reports to the actor
     * @throws NotFoundException when there is no such customer
     */
    Request log(NewRequest request);

    /**
     * Takes in a request from an integration, idempotently by its source system and id: when a
     * request with the same pair was received before, nothing is logged, no event is raised, and
     * that first request is returned (whatever the rest of the call says). Two intakes of the
     * same pair at the same time, also on two nodes, log one request; both return it.
     *
     * @param request the request with its source
     * @return the request logged for that source id, now or before
     * @throws ValidationException as {@link #log}
     * @throws AccessDeniedException as {@link #log}, or when the first request of the pair is
     *     one the actor may not see
     * @throws NotFoundException when there is no such customer
     */
    Request receive(InboundRequest request);

    /**
     * @param id a request
     * @return it
     * @throws NotFoundException when there is no request with that id (also when the id is an
     *     activity of another type)
     * @throws AccessDeniedException when the actor may not see it
     */
    Request get(ActivityId id);

    /**
     * Answers an open request, raising {@code request.answered}; the actor is who answered.
     *
     * @param id an open request
     * @param answer the answer, up to 4,000 characters
     * @return it as now stored, answered
     * @throws ValidationException when the answer is blank or too long, or the request is not
     *     open ({@code status}, {@code Open}): a closed one is reopened first
     * @throws AccessDeniedException when the actor may not see it
     * @throws NotFoundException when there is none
     * @throws ConflictException when someone else changed it meanwhile
     */
    Request answer(ActivityId id, String answer);

    /**
     * Closes an answered request, raising {@code request.closed}.
     *
     * @param id an answered request
     * @return it as now stored, closed
     * @throws ValidationException when it is not answered ({@code status}, {@code Answered}):
     *     an open request is answered first, so that none is closed unanswered
     * @throws AccessDeniedException when the actor may not see it
     * @throws NotFoundException when there is none
     * @throws ConflictException when someone else changed it meanwhile
     */
    Request close(ActivityId id);

    /**
     * Reopens an answered or closed request whose answer did not settle it, raising
     * {@code request.reopened}: it is open again, without its answer, with a new due time
     * counted from now as at intake, and may escalate anew.
     *
     * @param id an answered or closed request
     * @param reason why, up to 2,000 characters
     * @return it as now stored, open
     * @throws ValidationException when the reason is blank or too long, or the request is open
     *     ({@code status}, {@code NotOpen})
     * @throws AccessDeniedException when the actor may not see it
     * @throws NotFoundException when there is none
     * @throws ConflictException when someone else changed it meanwhile
     */
    Request reopen(ActivityId id, String reason);

    /**
     * @param pageToken where the previous page ended, or null for the first page
     * @param pageSize 1 to 500
     * @return the open requests the actor may see whose due time has passed, longest overdue
     *     first (then lowest id)
     * @throws ValidationException when the page size is out of range or the token is not one
     */
    Page<Request> overdue(String pageToken, int pageSize);
}
