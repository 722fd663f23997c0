package org.crm4j.sales;

/** When an invoice earns commission. */
public enum CommissionEarning {
    /** Each payment earns its share: the invoice's basis times the payment over the invoice's gross, on its date. */
    PER_PAYMENT,
    /** The whole invoice earns on the day its payments reach its gross. */
    PAID_IN_FULL
}
