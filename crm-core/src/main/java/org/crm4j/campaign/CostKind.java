package org.crm4j.campaign;

/** Whether a cost entry is budgeted or was spent. */
public enum CostKind {
    /** Budgeted. */
    PLANNED,
    /** Spent (an invoice, a click bill). */
    ACTUAL
}
