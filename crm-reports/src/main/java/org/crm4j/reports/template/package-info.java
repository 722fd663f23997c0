/**
 * The template engine of notices and mailings on Mustache: {@link
 * org.crm4j.reports.template.MustacheTemplateEngine}, found by crm-core through
 * {@code META-INF/services/org.crm4j.plugin.TemplateEngine}.
 */
package org.crm4j.reports.template;
