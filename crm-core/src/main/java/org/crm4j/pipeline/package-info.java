/**
 * Sales pipelines (R10): {@link org.crm4j.pipeline.Pipeline}s of
 * {@link org.crm4j.pipeline.Stage}s, configured by the host through
 * {@link org.crm4j.pipeline.Pipelines} ({@code crm.as(admin).pipelines()}), and the deals
 * ({@link org.crm4j.pipeline.Opportunity}) moving through them, through
 * {@link org.crm4j.pipeline.Opportunities} ({@code crm.as(actor).opportunities()}).
 *
 * <p>Early warning (R25): {@link org.crm4j.pipeline.Opportunities#stalled} lists the open deals
 * that stalled ({@link org.crm4j.pipeline.StallCriteria}, {@link org.crm4j.pipeline.StallReason});
 * {@code Crm.detectStalledDeals}, called by the host's scheduler, announces each stall once as an
 * {@code opportunity.stalled} event. A deal's last activity is its latest change (a stage move
 * or any other saved change); activities logged on a deal will count as well.
 */
package org.crm4j.pipeline;
