package org.crm4j.sales;

/** What a commission plan pays a rate of. */
public enum CommissionBasis {
    /** The lines' net amount. */
    NET,
    /**
     * The lines' margin: net amount less the line's cost; a line whose cost the ERP did not send
     * earns nothing on such a plan.
     */
    MARGIN
}
