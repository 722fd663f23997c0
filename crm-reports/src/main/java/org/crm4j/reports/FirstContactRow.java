package org.crm4j.reports;

import java.time.LocalDate;
import org.crm4j.ValidationException;

/**
 * One line of a {@link FirstContactResult}: a salesperson's first calls and first meetings (R9)
 * in one period, or over the whole range, and how many of them a deal followed.
 *
 * @param period the first day of the period; null in a total over the range
 * @param salespersonId who made the first contacts
 * @param salespersonName how the user directory names them (their id when it does not know them)
 * @param firstCalls first calls recorded
 * @param firstMeetings first meetings recorded
 * @param callsFollowedByDeal of those first calls, how many the customer got a deal of the
 *     salesperson within the report's days after
 * @param meetingsFollowedByDeal the same for the first meetings
 */
public record FirstContactRow(LocalDate period, String salespersonId, String salespersonName, long firstCalls,
        long firstMeetings, long callsFollowedByDeal, long meetingsFollowedByDeal) {

    /** @throws ValidationException when the salesperson is missing or a count is negative or too high */
    public FirstContactRow {
        ValidationException.requireNonNull(salespersonId, "salespersonId");
        ValidationException.requireNonNull(salespersonName, "salespersonName");
        if (firstCalls < 0 || firstMeetings < 0 || callsFollowedByDeal < 0 || meetingsFollowedByDeal < 0) {
            throw new ValidationException("count", "PositiveOrZero", "counts cannot be negative");
        }
        if (callsFollowedByDeal > firstCalls || meetingsFollowedByDeal > firstMeetings) {
            throw new ValidationException("followedByDeal", "AtMostContacts",
                    "no more contacts are followed by a deal than were made");
        }
    }

    /** @return whether this is a total over the whole range */
    public boolean isTotal() {
        return period == null;
    }
}
