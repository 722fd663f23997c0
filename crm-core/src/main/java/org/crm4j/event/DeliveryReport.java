package org.crm4j.event;

/**
 * What one run of {@code Crm.deliverEvents()} did.
 *
 * @param delivered events handed to every listener and marked delivered
 * @param failed events a listener refused; they come again on the next run
 * @param deferred events held back because an earlier event of the same aggregate failed
 */
public record DeliveryReport(int delivered, int failed, int deferred) {
}
