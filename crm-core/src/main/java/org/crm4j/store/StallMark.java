package org.crm4j.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * That a deal's stall was announced, kept beside the deal (never on it, so that the deal's
 * optimistic version does not move): the deal is not announced again for the same reason until
 * its last activity or its expected close date changes.
 *
 * @param opportunityId the deal
 * @param idleMark the deal's last activity when it was announced idle; null keeps the mark kept
 *     before
 * @param overdueClose the deal's expected close date when it was announced overdue; null keeps
 *     the mark kept before
 * @param reasons the reasons announced, comma-separated (e.g. {@code IDLE,OVERDUE})
 * @param flaggedAt when
 */
public record StallMark(long opportunityId, Instant idleMark, LocalDate overdueClose, String reasons,
        Instant flaggedAt) {
}
