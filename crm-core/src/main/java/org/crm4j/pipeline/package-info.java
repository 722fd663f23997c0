/**
 * Sales pipelines (R10): {@link org.crm4j.pipeline.Pipeline}s of
 * {@link org.crm4j.pipeline.Stage}s, configured by the host through
 * {@link org.crm4j.pipeline.Pipelines} ({@code crm.as(admin).pipelines()}).
 */
package org.crm4j.pipeline;
