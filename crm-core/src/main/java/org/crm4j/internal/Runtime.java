package org.crm4j.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crm4j.CrmException;
import org.crm4j.access.Actor;
import org.crm4j.common.WorkingCalendar;
import org.crm4j.event.DomainEvent;
import org.crm4j.store.CrmStore;
import org.crm4j.plugin.MailSender;
import org.crm4j.plugin.PipelineRule;
import org.crm4j.plugin.TemplateEngine;
import org.crm4j.internal.access.AccessPolicy;
import org.crm4j.internal.pipeline.PipelineCache;

/**
 * What the services of one {@code Crm} share: the store, the access policy, validation and the
 * clock.
 *
 * @param store the store
 * @param access need-to-know
 * @param validation Bean Validation
 * @param clock the clock
 * @param pipelines the cached pipelines
 * @param rules the pipeline rules: the built-in ones, then discovered and registered ones
 * @param templateEngine renders notices and mailings, or null
 * @param mailSender hands e-mail to the host, or null
 * @param responsibleRoles the role codes a contact person must hold one of for a first call or
 *     first meeting to count (R9)
 * @param calendar the working days deadlines are counted in (in the clock's zone)
 * @param sync keeps the caches in step with the other nodes
 */
public record Runtime(CrmStore store, AccessPolicy access, BeanValidation validation, Clock clock,
        PipelineCache pipelines, List<PipelineRule> rules, TemplateEngine templateEngine, MailSender mailSender,
        Set<String> responsibleRoles, WorkingCalendar calendar, ReferenceSync sync) {

    /** Copies the roles. */
    public Runtime {
        responsibleRoles = Set.copyOf(responsibleRoles);
    }

    /**
     * @param store the adapter's store
     * @return the store as the services use it: a cache that misses inside one of its transactions
     *     reads through that transaction
     */
    public static CrmStore tracking(CrmStore store) {
        return new CurrentTransaction(store);
    }

    /**
     * @return the template engine: the one registered on the builder, else the one found on the
     *     class path
     * @throws CrmException when there is none
     */
    public TemplateEngine templates() {
        if (templateEngine == null) {
            throw new CrmException("No template engine: add org.crm4j:crm-reports to the class path "
                    + "or register one with Crm.builder().templateEngine(...)");
        }
        return templateEngine;
    }

    /**
     * @return the host's mail sender
     * @throws CrmException when none was registered
     */
    public MailSender mail() {
        if (mailSender == null) {
            throw new CrmException("No mail sender: register one with Crm.builder().mailSender(...)");
        }
        return mailSender;
    }

    /** @return the current instant of the clock, at microsecond precision (as databases keep it) */
    public Instant now() {
        Instant now = clock.instant();
        return now.minusNanos(now.getNano() % 1000);
    }

    /**
     * @param from an instant
     * @param days working days, 0 or more
     * @return that many working days later, in the working calendar and the clock's zone
     */
    public Instant plusWorkingDays(Instant from, int days) {
        return calendar.plusWorkingDays(from, days, clock.getZone());
    }

    /**
     * @param actor who did it
     * @param type the event type
     * @param aggregateType the kind of record
     * @param aggregateId its id
     * @param customerId the customer it concerns
     * @param at when
     * @param data details
     * @return a new event
     */
    public DomainEvent event(Actor actor, String type, String aggregateType, long aggregateId, Long customerId,
            Instant at, Map<String, String> data) {
        return new DomainEvent(UUID.randomUUID(), type, aggregateType, aggregateId, customerId, actor.id(), at, data);
    }
}
