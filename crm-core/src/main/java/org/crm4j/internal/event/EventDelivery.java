package org.crm4j.internal.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.crm4j.ConflictException;
import org.crm4j.event.DeliveryReport;
import org.crm4j.event.DomainEvent;
import org.crm4j.plugin.EventListener;
import org.crm4j.store.EventStore;
import org.crm4j.store.ListenerOutcome;
import org.crm4j.store.ListenerState;
import org.crm4j.store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.Runtime;

/**
 * Hands the outbox to the listeners, from any node, at any time: in windows of undelivered events
 * in outbox order, each event claimed in the database for a lease before it is handed over (so
 * that two nodes never deliver one event at once, and a crashed node's claims are taken over
 * when the lease ends), in order per aggregate and listener, at least once.
 *
 * <p>Order: an aggregate's event is handed to a listener only when every earlier event of that
 * aggregate is done for that listener. Walking the windows from the oldest undelivered event, an
 * aggregate stops for the rest of the run at the first event another node holds or this claim
 * did not get, and, for one listener, at the first event that listener failed or gave up on.
 * Each listener keeps its own progress: one that fails holds back neither the others nor their
 * later events, and does not make them receive an event twice.
 */
public final class EventDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final int BATCH = 500;

    /**
     * A listener under its stable id.
     *
     * @param id the id its progress is kept under
     * @param listener the listener
     */
    public record Listener(String id, EventListener listener) {
    }

    private final Runtime rt;
    private final List<Listener> listeners;
    private final Duration lease;
    private final int maxAttempts;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * @param rt the runtime
     * @param listeners the listeners, in call order, with distinct ids
     * @param lease how long a claim holds events
     * @param maxAttempts after how many failures of a listener an event is a dead letter for it
     */
    public EventDelivery(Runtime rt, List<Listener> listeners, Duration lease, int maxAttempts) {
        this.rt = rt;
        this.listeners = List.copyOf(listeners);
        this.lease = lease;
        this.maxAttempts = maxAttempts;
    }

    /** @return what was delivered, failed, deferred and given up in this run */
    public DeliveryReport deliver() {
        lock.lock();
        try {
            return run(UUID.randomUUID().toString());
        } finally {
            lock.unlock();
        }
    }

    private DeliveryReport run(String token) {
        Tally tally = new Tally();
        // aggregates that stop for every listener, and for each listener alone
        Set<String> stopped = new HashSet<>();
        Map<String, Set<String>> stoppedFor = new HashMap<>();
        long after = 0;
        while (true) {
            long from = after;
            List<StoredEvent> window = rt.store().readOnly(tx -> tx.store(EventStore.class).window(from, BATCH));
            if (window.isEmpty()) {
                break;
            }
            after = window.get(window.size() - 1).sequence();
            Set<Long> got = claim(window, token, stopped, stoppedFor);
            List<ListenerOutcome> outcomes = new ArrayList<>();
            List<Long> done = new ArrayList<>();
            for (StoredEvent stored : window) {
                String key = key(stored.event());
                if (!stopped.contains(key) && !got.contains(stored.sequence())
                        && waitsForEveryListener(stored, key, stoppedFor)) {
                    tally.deferred++;   // not claimed: each listener that needs it waits behind an earlier one
                    continue;
                }
                if (!got.contains(stored.sequence()) || stopped.contains(key)) {
                    // held elsewhere, lost to another node, or behind such an event
                    stopped.add(key);
                    tally.deferred++;
                    continue;
                }
                handOver(stored, key, stoppedFor, outcomes, done, tally);
            }
            Set<Long> held = finish(token, got, outcomes, done);
            for (Long sequence : done) {
                if (held.contains(sequence)) {
                    tally.delivered++;
                } else {
                    LOG.warn("CRM-EVT-004 The claim of event {} ended before it was delivered and another node took"
                            + " it over; its listeners may see it twice. Lengthen the event lease", sequence);
                }
            }
            if (window.size() < BATCH) {
                break;
            }
        }
        if (tally.delivered + tally.failed + tally.dead > 0) {
            LOG.debug("Delivered {} events, {} failed, {} deferred, {} dead", tally.delivered, tally.failed,
                    tally.deferred, tally.dead);
        }
        return new DeliveryReport(tally.delivered, tally.failed, tally.deferred, tally.dead);
    }

    /**
     * Claims, in the window's order, the events this run may deliver: an aggregate stops at its
     * first event that another node holds (or that stopped earlier in the run).
     */
    private Set<Long> claim(List<StoredEvent> window, String token, Set<String> stopped,
            Map<String, Set<String>> stoppedFor) {
        Instant now = rt.now();
        Set<String> stopsHere = new HashSet<>(stopped);
        List<Long> wanted = new ArrayList<>();
        for (StoredEvent stored : window) {
            String key = key(stored.event());
            if (stopsHere.contains(key)) {
                continue;
            }
            if (stored.heldByAnother(now, token)) {
                stopsHere.add(key);
                continue;
            }
            if (waitsForEveryListener(stored, key, stoppedFor)) {
                continue;
            }
            wanted.add(stored.sequence());
        }
        if (wanted.isEmpty()) {
            return Set.of();
        }
        try {
            return rt.store().inTransaction(tx -> tx.store(EventStore.class).claim(wanted, token, now, now.plus(lease)));
        } catch (ConflictException e) {
            LOG.debug("Another node claimed events of this window at the same time: {}", e.getMessage());
            return Set.of();
        }
    }

    /**
     * Whether the event has listeners yet to have it, and each of them waits behind an earlier
     * event of its aggregate (an event no listener needs is claimed, to be marked delivered).
     */
    private boolean waitsForEveryListener(StoredEvent stored, String key, Map<String, Set<String>> stoppedFor) {
        boolean needed = false;
        for (Listener listener : listeners) {
            ListenerOutcome progress = stored.progress().get(listener.id());
            if (progress != null && progress.done()) {
                continue;
            }
            needed = true;
            if (!stoppedFor.getOrDefault(listener.id(), Set.of()).contains(key)) {
                return false;
            }
        }
        return needed;
    }

    /**
     * Records the outcomes and ends the claim; tried again when another node's claim met this one
     * in the database (what it writes is the same the second time).
     */
    private Set<Long> finish(String token, Set<Long> got, List<ListenerOutcome> outcomes, List<Long> done) {
        if (got.isEmpty()) {
            return Set.of();
        }
        for (int attempt = 1;; attempt++) {
            Instant at = rt.now();
            try {
                return rt.store().inTransaction(tx -> tx.store(EventStore.class).finish(token, got, outcomes, done, at));
            } catch (ConflictException e) {
                if (attempt == 5) {
                    throw e;
                }
                LOG.debug("Recording the delivery met another node's claim; trying again: {}", e.getMessage());
            }
        }
    }

    private void handOver(StoredEvent stored, String key, Map<String, Set<String>> stoppedFor,
            List<ListenerOutcome> outcomes, List<Long> done, Tally tally) {
        boolean all = true;
        boolean failed = false;
        for (Listener listener : listeners) {
            ListenerOutcome progress = stored.progress().get(listener.id());
            if (progress != null && progress.done()) {
                continue;
            }
            Set<String> stops = stoppedFor.computeIfAbsent(listener.id(), id -> new HashSet<>());
            if (stops.contains(key) || progress != null && progress.state() == ListenerState.DEAD) {
                stops.add(key);   // waits behind a failed or dead earlier event, or is dead itself
                all = false;
                continue;
            }
            int attempts = progress == null ? 0 : progress.attempts();
            String error = call(listener, stored);
            if (error == null) {
                outcomes.add(new ListenerOutcome(stored.sequence(), listener.id(), ListenerState.DONE, attempts, null));
                continue;
            }
            attempts++;
            all = false;
            stops.add(key);
            if (attempts >= maxAttempts) {
                LOG.warn("CRM-EVT-002 Listener {} failed {} times on event {} ({} of {} {}); it is a dead letter now,"
                        + " and the later events of {} {} wait for it: see crm.as(admin).events().deadLetters()",
                        listener.id(), attempts, stored.sequence(), stored.event().type(),
                        stored.event().aggregateType(), stored.event().aggregateId(), stored.event().aggregateType(),
                        stored.event().aggregateId());
                outcomes.add(new ListenerOutcome(stored.sequence(), listener.id(), ListenerState.DEAD, attempts, error));
                tally.dead++;
            } else {
                outcomes.add(new ListenerOutcome(stored.sequence(), listener.id(), ListenerState.FAILED, attempts,
                        error));
                failed = true;
            }
        }
        if (all) {
            done.add(stored.sequence());
        } else if (failed) {
            tally.failed++;
        } else {
            tally.deferred++;
        }
    }

    private static String call(Listener listener, StoredEvent stored) {
        DomainEvent event = stored.event();
        try {
            listener.listener().onEvent(event, stored.sequence());
            return null;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // the listener's text is kept for the operator, never logged: it may hold customer data
            LOG.warn("CRM-EVT-001 Listener {} failed on event {} ({}, {}) with {}; it will be delivered again",
                    listener.id(), stored.sequence(), event.id(), event.type(), e.getClass().getName());
            return e.toString();
        }
    }

    private static String key(DomainEvent event) {
        return event.aggregateType() + ":" + event.aggregateId();
    }

    private static final class Tally {
        int delivered;
        int failed;
        int deferred;
        int dead;
    }
}
