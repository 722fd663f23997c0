package org.crm4j.customer;

/**
 * Common role codes of contact persons. Roles are an open set: a host can use any code of 1 to
 * 50 characters (e.g. {@code PURCHASING}); these are the usual ones.
 */
public final class RoleCodes {
    /** Chief executive. */
    public static final String CEO = "CEO";
    /** Chief financial officer. */
    public static final String CFO = "CFO";
    /** Chief technology officer. */
    public static final String CTO = "CTO";
    /** Head of IT. */
    public static final String IT_MANAGER = "IT_MANAGER";
    /** Buyer / purchasing. */
    public static final String PURCHASING = "PURCHASING";
    /** Accounts payable / bookkeeping. */
    public static final String ACCOUNTING = "ACCOUNTING";
    /** Makes the buying decision. */
    public static final String DECISION_MAKER = "DECISION_MAKER";

    private RoleCodes() {
    }
}
