package org.crm4j.store;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.crm4j.activity.ActivityType;

/**
 * Service standards in a store, and the counts that check them. The counts are aggregates (a
 * {@code GROUP BY} with an anti-join in a database): no customer, request or activity is loaded.
 * Need-to-know is applied in each query, to the owner the count is grouped by.
 */
public interface ServiceStandardStore {

    /** @return every standard kept */
    List<ServiceStandardRow> all();

    /**
     * Keeps a standard, replacing the one of its kind and scope.
     *
     * @param standard the standard
     * @return its id in the store: a new one, or the replaced standard's
     * @throws org.crm4j.ConflictException when one of its kind and scope was written concurrently
     */
    long put(ServiceStandardRow standard);

    /**
     * @param kind a kind
     * @param scope a scope
     * @return the id of the standard of that kind and scope that was kept and is now removed, or
     *     empty when there was none
     */
    OptionalLong remove(String kind, String scope);

    /**
     * Counts, by owner, the active customers created before {@code since} with no done activity of
     * the contact types starting from {@code since} to {@code asOf} and no request answered in
     * that time.
     *
     * @param rating the customers' rating; null for those without a rating or with a rating not
     *     among {@code ratedApart}
     * @param ratedApart the ratings that have a standard of their own (used when rating is null)
     * @param contactTypes the activity types that count as contact
     * @param since the start of the window
     * @param asOf its end
     * @param visibility applied to the customers' owners
     * @return the counts, only owners with at least one customer
     */
    List<OwnerCount> uncontacted(String rating, Set<String> ratedApart, Set<ActivityType> contactTypes,
            Instant since, Instant asOf, Visibility visibility);

    /**
     * Counts, by owner, the requests due from {@code since} to before {@code asOf} that were
     * answered after their due time or are still open.
     *
     * @param since the start of the period
     * @param asOf its end
     * @param visibility applied to the requests' owners
     * @return the counts, only owners with at least one such request
     */
    List<LateRequestsRow> lateRequests(Instant since, Instant asOf, Visibility visibility);

    /**
     * Counts, by owner, the activities of a type that ended from {@code since} to before
     * {@code asOf} and were recorded done more than {@code hours} after they ended, or are not
     * done by {@code asOf} that long after they ended.
     *
     * @param type the activity type
     * @param hours the hours allowed
     * @param since the start of the period
     * @param asOf its end
     * @param visibility applied to the activities' owners
     * @return the counts, only owners with at least one such activity
     */
    List<OwnerCount> loggedLate(ActivityType type, int hours, Instant since, Instant asOf, Visibility visibility);
}
