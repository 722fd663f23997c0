package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.crm4j.ConflictException;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.junit.jupiter.api.Test;

/** Concurrent edits: one wins, the others get a conflict, nothing is lost. */
public abstract class ConcurrencyContract extends ContractBase {

    @Test
    void concurrentSavesOfOneVersion_exactlyOneWins() throws Exception {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        int threads = 8;
        List<Customer> copies = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            copies.add(customersOf(i % 2 == 0 ? SAM : MIA).get(acme.id()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Customer copy = copies.get(i);
            String name = "ACME " + i;
            var actor = i % 2 == 0 ? SAM : MIA;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    customersOf(actor).save(copy.rename(name));
                    return name;
                } catch (ConflictException e) {
                    return "conflict";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        List<String> winners = outcomes.stream().filter(o -> !o.equals("conflict")).toList();
        assertThat(winners).hasSize(1);
        Customer stored = customersOf(SAM).get(acme.id());
        assertThat(stored.name()).isEqualTo(winners.get(0));
        assertThat(stored.version()).isEqualTo(1);
        crm.deliverEvents();
        assertThat(delivered).filteredOn(e -> e.type().equals("customer.updated")).hasSize(1);
    }

    @Test
    void concurrentPrimaryContacts_leaveExactlyOnePrimary() throws Exception {
        Customer acme = customersOf(SAM).create(NewCustomer.company("ACME"));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<ContactPerson>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String name = "P" + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return customersOf(SAM).addContact(acme.id(), NewContact.named(name).primary());
                } catch (ConflictException e) {
                    // a lost race may be reported as a conflict; the caller tries once more
                    conflicts.incrementAndGet();
                    return customersOf(SAM).addContact(acme.id(), NewContact.named(name).primary());
                }
            }));
        }
        start.countDown();
        List<ContactPerson> added = new ArrayList<>();
        try {
            for (Future<ContactPerson> f : results) {
                added.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<ContactPerson> contacts = customersOf(SAM).contacts(acme.id());
        assertThat(contacts).as("every add arrived (%d conflicts retried)", conflicts.get()).hasSize(threads)
                .extracting(ContactPerson::id)
                .containsExactlyInAnyOrderElementsOf(added.stream().map(ContactPerson::id).toList());
        assertThat(contacts).filteredOn(ContactPerson::isPrimary).as("primary contacts").hasSize(1);
        // the primary contact is listed first
        assertThat(contacts.get(0).isPrimary()).isTrue();
    }

    @Test
    void concurrentCreates_allArrive() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    customersOf(SAM).create(NewCustomer.company("T" + thread + "-" + i));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(customersOf(SAM).search(org.crm4j.customer.CustomerQuery.builder().pageSize(500).build()).items())
                .hasSize(100);
    }
}
