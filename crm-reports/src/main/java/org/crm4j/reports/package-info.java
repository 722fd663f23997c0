/**
 * Reports of crm4j, computed by the database (SQL aggregates) over what the asking user may see
 * (R20, R21). Each report is a {@link org.crm4j.spi.Report} definition run with
 * {@link org.crm4j.ActorScope#report}; the first is the cash-flow forecast,
 * {@link org.crm4j.reports.CashFlowForecast}, with its result {@link org.crm4j.reports.CashFlow}
 * and CSV export.
 */
package org.crm4j.reports;
