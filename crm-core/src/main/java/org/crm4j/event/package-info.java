/**
 * Domain events: {@link org.crm4j.event.DomainEvent}, their {@link org.crm4j.event.EventTypes},
 * and the {@link org.crm4j.event.DeliveryReport} of an outbox delivery run.
 */
package org.crm4j.event;
