package org.crm4j.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which open deals a store finds stalled, in one query. A deal matches when it is open, in the
 * pipeline (when one is given), and either its last activity is at or before {@code idleSince}, or
 * ({@code closeBefore} given) its expected close date lies before {@code closeBefore}. Results are
 * ordered by {@code (last activity, id)}, oldest first; {@code after} continues after a row of that
 * order.
 *
 * @param idleSince a deal whose last activity is at or before this instant is idle
 * @param closeBefore a deal expected to close before this date is overdue; null when overdue deals
 *     are not asked for
 * @param pipelineId only deals of this pipeline, or null
 * @param visibility need-to-know, applied in the query to the deal's owner
 * @param after where the previous page ended (an {@code Instant} sort value and an id), or null
 * @param limit at most this many rows
 */
public record StallQuery(Instant idleSince, LocalDate closeBefore, Long pipelineId, Visibility visibility,
        Keyset after, int limit) {
}
