/**
 * Domain events: {@link org.crm4j.event.DomainEvent}, their {@link org.crm4j.event.EventTypes},
 * and the {@link org.crm4j.event.DeliveryReport} of an outbox delivery run.
 * Events of system work (e.g. {@code opportunity.stalled}) name {@code crm4j} as their actor.
 */
package org.crm4j.event;
