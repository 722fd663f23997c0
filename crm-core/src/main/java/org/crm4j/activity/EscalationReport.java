package org.crm4j.activity;

/**
 * What one run of {@code Crm.escalateOverdueRequests} did.
 *
 * @param escalated how many escalations it raised, one {@code request.overdue} event each (a
 *     request that reached both levels at once counts twice)
 * @param more whether more overdue requests wait for the next run (the run stopped at its limit)
 */
public record EscalationReport(int escalated, boolean more) {
}
