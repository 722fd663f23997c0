/**
 * Reports of crm4j, computed by the database (SQL aggregates) over what the asking user may see
 * (R18, R20, R21). Each report is a {@link org.crm4j.plugin.Report} definition run with
 * {@link org.crm4j.ActorScope#report}; the first is the cash-flow forecast,
 * {@link org.crm4j.reports.CashFlowForecast}, with its result {@link org.crm4j.reports.CashFlow}
 * and CSV export; the results of a campaign with the payback of its keywords are
 * {@link org.crm4j.reports.CampaignResults}, with its result {@link org.crm4j.reports.CampaignResult};
 * the first calls and meetings per salesperson and period, with how many a deal followed, are
 * {@link org.crm4j.reports.FirstContactReport}, with its result
 * {@link org.crm4j.reports.FirstContactResult}.
 */
package org.crm4j.reports;
