package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.crm4j.Crm;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DeliveryReport;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.junit.jupiter.api.Test;

/** The transactional outbox: written with the change, delivered in order, at least once. */
public abstract class OutboxContract extends ContractBase {

    @Test
    void everyChangeIsDeliveredOnceInOrderWithItsActorAndId() {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        customersOf(SAM).addContact(acme.id(), NewContact.named("Eva"));
        customersOf(MIA).addNote(acme.id(), "met at the fair");

        DeliveryReport report = crm.deliverEvents();
        assertThat(report.delivered()).isEqualTo(3);
        assertThat(delivered).extracting(DomainEvent::type).containsExactly(EventTypes.CUSTOMER_CREATED,
                EventTypes.CONTACT_ADDED, EventTypes.NOTE_ADDED);
        assertThat(delivered).extracting(DomainEvent::actorId).containsExactly("sam", "sam", "mia");
        assertThat(delivered).extracting(DomainEvent::customerId).containsOnly(acme.id().value());
        assertThat(delivered).extracting(DomainEvent::id).doesNotHaveDuplicates();
        assertThat(delivered.get(0).occurredAt()).isEqualTo(clock.instant());

        assertThat(crm.deliverEvents().delivered()).isZero();
        assertThat(delivered).hasSize(3);
    }

    @Test
    void aFailingListenerGetsTheEventAgainAndHoldsBackLaterEventsOfTheSameAggregate() {
        crm.close();
        List<String> seen = new ArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        crm = fixture().freshStore(Crm.builder()).userDirectory(directory).clock(clock).discoverPlugins(false)
                .listener(e -> {
                    if (e.type().equals(EventTypes.CUSTOMER_CREATED) && e.get("name").equals("Flaky")
                            && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("ERP bridge offline");
                    }
                    seen.add(e.get("name") == null ? e.type() : e.type() + ":" + e.get("name"));
                })
                .build();
        Customer flaky = customersOf(SAM).create(NewCustomer.company("Flaky"));
        customersOf(SAM).create(NewCustomer.company("Steady"));
        customersOf(SAM).save(customersOf(SAM).get(flaky.id()).rename("Flaky Renamed"));

        DeliveryReport first = crm.deliverEvents();
        assertThat(first.delivered()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        assertThat(first.deferred()).isEqualTo(1);
        assertThat(seen).containsExactly("customer.created:Steady");

        DeliveryReport second = crm.deliverEvents();
        assertThat(second.delivered()).isEqualTo(2);
        assertThat(seen).containsExactly("customer.created:Steady", "customer.created:Flaky", "customer.updated");
    }

    @Test
    void aLargeBacklogIsDeliveredCompletely() {
        for (int i = 0; i < 1_200; i++) {
            customersOf(SAM).create(NewCustomer.company("C" + i));
        }
        DeliveryReport report = crm.deliverEvents();
        assertThat(report.delivered()).isEqualTo(1_200);
        Set<String> names = new HashSet<>();
        delivered.forEach(e -> names.add(e.get("name")));
        assertThat(names).hasSize(1_200);
        assertThat(delivered.get(0).get("name")).isEqualTo("C0");
        assertThat(delivered.get(1_199).get("name")).isEqualTo("C1199");
    }
}
