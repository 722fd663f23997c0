package org.crm4j.customer;

import java.time.Instant;
import org.crm4j.ValidationException;

/**
 * An activity with a customer (a call, meeting, e-mail, task or note) as the customer card (R2)
 * lists it: what kind it is, who is responsible, when and how it went, without the colleagues and
 * contact persons who took part. Open the activity itself with
 * {@code Activities.get(ActivityId.of(id))} to see everything; the card's
 * {@link CustomerCard#activitiesPageToken()} continues the list with
 * {@code Activities.ofCustomer(customerId, token, size)}.
 *
 * @param id the activity's id
 * @param type its kind, the name of an {@code ActivityType} such as {@code CALL}
 * @param direction for a call, {@code INBOUND} or {@code OUTBOUND}; null for other kinds
 * @param done whether it took place; false while planned
 * @param ownerId the responsible salesperson
 * @param startsAt when it starts
 * @param endsAt when it ends, not before the start
 * @param outcome how it went, or null
 * @param opportunityId the deal it belongs to, or null
 * @param leadId the lead it belongs to, or null
 */
public record ActivitySummary(long id, String type, String direction, boolean done, String ownerId,
        Instant startsAt, Instant endsAt, String outcome, Long opportunityId, Long leadId) {

    /** @throws ValidationException when a required part is missing */
    public ActivitySummary {
        ValidationException.requireNonNull(type, "activity.type");
        ValidationException.requireNonNull(ownerId, "activity.ownerId");
        ValidationException.requireNonNull(startsAt, "activity.startsAt");
        ValidationException.requireNonNull(endsAt, "activity.endsAt");
    }
}
