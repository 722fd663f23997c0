package org.crm4j.common;

/** How often a service is billed; its price and cost are per period. */
public enum BillingPeriod {
    /** Every month. */
    MONTH(1),
    /** Every three months. */
    QUARTER(3),
    /** Every six months. */
    HALF_YEAR(6),
    /** Every year. */
    YEAR(12);

    private final int months;

    BillingPeriod(int months) {
        this.months = months;
    }

    /** @return the months in one period */
    public int months() {
        return months;
    }
}
