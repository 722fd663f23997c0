package org.crm4j.event;

/**
 * What one run of {@code Crm.deliverEvents()} did.
 *
 * @param delivered events handed to every listener and marked delivered
 * @param failed events a listener refused; they come again on the next run
 * @param deferred events held back for a listener because an earlier event of the same aggregate
 *     failed, waits as a dead letter, or is held by another node
 * @param deadLettered events a listener gave up on in this run (see {@link Events})
 */
public record DeliveryReport(int delivered, int failed, int deferred, int deadLettered) {
}
