/**
 * What plugin authors implement: {@link org.crm4j.plugin.PipelineRule}s,
 * {@link org.crm4j.plugin.NotificationChannel}s and {@link org.crm4j.plugin.MailSender}s,
 * {@link org.crm4j.plugin.NoticeRule}s, {@link org.crm4j.plugin.EventListener}s, a
 * {@link org.crm4j.plugin.TemplateEngine}, {@link org.crm4j.plugin.Report}s, the host's
 * {@link org.crm4j.plugin.UserDirectory}, and {@link org.crm4j.plugin.CrmPlugin}s that register
 * several of them. Each is found through {@link java.util.ServiceLoader} or registered on
 * {@code Crm.builder()}.
 */
package org.crm4j.plugin;
