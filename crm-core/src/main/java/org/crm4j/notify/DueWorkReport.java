package org.crm4j.notify;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Collections;
import org.crm4j.activity.EscalationReport;
import org.crm4j.event.DeliveryReport;
import org.crm4j.pipeline.StallReport;

/**
 * What one run of {@code Crm.runDueWork()} did.
 *
 * @param noticesCreated notices the rules and events created in this run
 * @param noticesUnaddressed due notices dropped because the directory does not know their
 *     recipient (notices go to employees only)
 * @param noticesFailed due notices that could not be rendered (logged as {@code CRM-NTF-002})
 * @param sent deliveries made, per channel id (e.g. {@code inbox}, {@code email})
 * @param unreachable deliveries a channel could not make to that recipient, per channel id (e.g.
 *     e-mail to a user without an address); they are not tried again
 * @param failed deliveries that failed in this run; they are tried again later, up to the limit
 * @param stalls what the stalled-deal detection announced, or null when no criteria are configured
 * @param escalations how many overdue customer requests were escalated (a level each)
 * @param events what the event delivery did (events raise notices, e.g. stalled deals)
 * @param failedSteps the steps of this run that failed (logged as {@code CRM-DUE-001} with the
 *     cause), by name: {@code notice-rules}, {@code escalation}, {@code stall-detection},
 *     {@code event-delivery}, {@code notice-delivery}; empty when all went well. The other steps
 *     ran all the same.
 */
public record DueWorkReport(int noticesCreated, int noticesUnaddressed, int noticesFailed, Map<String, Integer> sent,
        Map<String, Integer> unreachable, int failed, StallReport stalls, EscalationReport escalations,
        DeliveryReport events, List<String> failedSteps) {

    /** Copies the maps and the list. */
    public DueWorkReport {
        sent = Collections.unmodifiableMap(new TreeMap<>(sent));
        unreachable = Collections.unmodifiableMap(new TreeMap<>(unreachable));
        failedSteps = List.copyOf(failedSteps);
    }

    /**
     * @param channel a channel id
     * @return deliveries made through it in this run
     */
    public int sent(String channel) {
        return sent.getOrDefault(channel, 0);
    }

    /**
     * @param channel a channel id
     * @return deliveries it could not make in this run
     */
    public int unreachable(String channel) {
        return unreachable.getOrDefault(channel, 0);
    }
}
