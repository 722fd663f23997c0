package org.crm4j.activity;

import org.crm4j.ValidationException;

/**
 * A service standard (R14): a policy managers set on how customers are served, checked by
 * {@link ServiceStandards#notMet}. There is at most one standard of each kind for each scope (a
 * rating, or an activity type); defining another replaces it.
 *
 * <p>Ratings are the customers' {@code Classification.rating()}. A standard for a rating applies
 * to the customers of that rating; the one without a rating to every other customer (those
 * without a rating, and those whose rating has no standard of that kind of its own).
 */
public sealed interface ServiceStandard
        permits ServiceStandard.ContactEvery, ServiceStandard.AnswerRequestsWithin, ServiceStandard.LogWithin {

    /** The most days of a contact standard: ten years. */
    int MAX_DAYS = 3650;
    /** The most working days of an answer standard: a year's worth. */
    int MAX_WORKING_DAYS = 250;
    /** The most hours of a logging standard: a year. */
    int MAX_HOURS = 8760;

    /**
     * "Customers of class A are contacted at least every 30 days": a call, meeting or e-mail done
     * with the customer, or an answer to one of its requests, within the last {@code days} days.
     * A customer younger than that is not judged yet; archived customers are not judged.
     *
     * @param rating the customers' rating (1 to 10 characters), or null for every other customer
     * @param days 1 to 3650
     */
    record ContactEvery(String rating, int days) implements ServiceStandard {
        /** @throws ValidationException when the rating is blank or too long, or the days out of range */
        public ContactEvery {
            rating = checkedRating(rating);
            checkRange("days", days, MAX_DAYS);
        }
    }

    /**
     * "A request is answered within 1 working day": the due time a request gets when it comes in
     * (or is reopened), counted in working days (see {@code Crm.Builder.workingCalendar}).
     *
     * @param rating the rating of the customers whose requests it times, or null for every other
     *     customer
     * @param workingDays 1 to 250
     */
    record AnswerRequestsWithin(String rating, int workingDays) implements ServiceStandard {
        /** @throws ValidationException when the rating is blank or too long, or the days out of range */
        public AnswerRequestsWithin {
            rating = checkedRating(rating);
            checkRange("workingDays", workingDays, MAX_WORKING_DAYS);
        }
    }

    /**
     * "Every call is logged within 24 h": an activity of the type is recorded done at most
     * {@code hours} after it ended (one still planned that long after it ended is late too).
     *
     * @param type the kind of activity
     * @param hours 1 to 8760
     */
    record LogWithin(ActivityType type, int hours) implements ServiceStandard {
        /** @throws ValidationException when the type is missing or the hours out of range */
        public LogWithin {
            ValidationException.requireNonNull(type, "type");
            checkRange("hours", hours, MAX_HOURS);
        }
    }

    /**
     * @param rating the customers' rating, or null for every other customer
     * @param days 1 to 3650
     * @return the standard
     */
    static ContactEvery contactEvery(String rating, int days) {
        return new ContactEvery(rating, days);
    }

    /**
     * @param rating the customers' rating, or null for every other customer
     * @param workingDays 1 to 250
     * @return the standard
     */
    static AnswerRequestsWithin answerRequestsWithin(String rating, int workingDays) {
        return new AnswerRequestsWithin(rating, workingDays);
    }

    /**
     * @param type the kind of activity
     * @param hours 1 to 8760
     * @return the standard
     */
    static LogWithin logWithin(ActivityType type, int hours) {
        return new LogWithin(type, hours);
    }

    private static String checkedRating(String rating) {
        if (rating == null) {
            return null;
        }
        String clean = rating.strip();
        if (clean.isEmpty() || clean.length() > 10) {
            throw new ValidationException("rating", "Format", "a rating is 1 to 10 characters, as customers are"
                    + " rated (or null for every other customer), was '" + rating + "'");
        }
        return clean;
    }

    private static void checkRange(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new ValidationException(field, "Range", "must be 1 to " + max + ", was " + value);
        }
    }
}
