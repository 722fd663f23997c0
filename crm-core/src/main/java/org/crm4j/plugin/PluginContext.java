package org.crm4j.plugin;

import java.time.Clock;

/** What a {@link CrmPlugin} can contribute to, and read, while the {@code Crm} is built. */
public interface PluginContext {

    /** @param listener a listener for domain events */
    void addListener(EventListener listener);

    /** @param rule a rule every stage move of a deal must pass */
    void addPipelineRule(PipelineRule rule);

    /** @return the CRM's clock */
    Clock clock();

    /** @param rule a rule that finds due notices in the store, asked on every due-work run */
    void addNoticeRule(NoticeRule rule);

    /** @param rule a rule that turns events of one type into notices */
    void addEventNoticeRule(EventNoticeRule rule);

    /** @param channel a way notices reach employees */
    void addNotificationChannel(NotificationChannel channel);

    /** @param source an ERP to pull sales from ({@code crm.pullSales()}) */
    void addSalesSource(SalesSource source);
}
