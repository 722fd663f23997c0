package org.crm4j.sales;

/**
 * Where a service contract stands on a given day (the day the CRM's clock says when it is read).
 */
public enum ServiceStatus {
    /** Running, open-ended or renewing itself. */
    ACTIVE,
    /** Running, with an end date and no automatic renewal: talks about renewing it are due. */
    ENDING,
    /** Past its end date. */
    ENDED,
    /** Cancelled, with a reason. */
    CANCELLED
}
