package org.crm4j.store;

import org.crm4j.CrmException;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.ServiceStandard;

/**
 * A service standard as a store keeps it: its kind, its scope and its number. A store holds at
 * most one row per kind and scope (in a database, with a unique constraint).
 *
 * @param kind {@link #CONTACT_EVERY}, {@link #ANSWER_REQUESTS_WITHIN} or {@link #LOG_WITHIN}
 * @param scope the rating, or {@code ""} for every other customer; for {@link #LOG_WITHIN} the
 *     activity type's name
 * @param limit the days, working days or hours
 */
public record ServiceStandardRow(String kind, String scope, int limit) {
    /** The kind of {@link ServiceStandard.ContactEvery}. */
    public static final String CONTACT_EVERY = "CONTACT_EVERY";
    /** The kind of {@link ServiceStandard.AnswerRequestsWithin}. */
    public static final String ANSWER_REQUESTS_WITHIN = "ANSWER_REQUESTS_WITHIN";
    /** The kind of {@link ServiceStandard.LogWithin}. */
    public static final String LOG_WITHIN = "LOG_WITHIN";

    /**
     * @param standard a standard
     * @return its row
     */
    public static ServiceStandardRow of(ServiceStandard standard) {
        if (standard instanceof ServiceStandard.ContactEvery c) {
            return new ServiceStandardRow(CONTACT_EVERY, scopeOf(c.rating()), c.days());
        }
        if (standard instanceof ServiceStandard.AnswerRequestsWithin a) {
            return new ServiceStandardRow(ANSWER_REQUESTS_WITHIN, scopeOf(a.rating()), a.workingDays());
        }
        ServiceStandard.LogWithin l = (ServiceStandard.LogWithin) standard;
        return new ServiceStandardRow(LOG_WITHIN, l.type().name(), l.hours());
    }

    /**
     * @return the standard it keeps
     * @throws CrmException when the row is not one a store was given
     */
    public ServiceStandard toStandard() {
        String rating = scope.isEmpty() ? null : scope;
        return switch (kind) {
            case CONTACT_EVERY -> new ServiceStandard.ContactEvery(rating, limit);
            case ANSWER_REQUESTS_WITHIN -> new ServiceStandard.AnswerRequestsWithin(rating, limit);
            case LOG_WITHIN -> new ServiceStandard.LogWithin(ActivityType.valueOf(scope), limit);
            default -> throw new CrmException("Unknown kind of service standard in the store: " + kind);
        };
    }

    /** @return the rating of a contact or answer standard; null for every other customer */
    public String rating() {
        return scope.isEmpty() ? null : scope;
    }

    private static String scopeOf(String rating) {
        return rating == null ? "" : rating;
    }
}
