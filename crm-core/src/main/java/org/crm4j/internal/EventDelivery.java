package org.crm4j.internal;

import org.crm4j.store.EventStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.crm4j.event.DeliveryReport;
import org.crm4j.event.DomainEvent;
import org.crm4j.plugin.EventListener;
import org.crm4j.store.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the outbox to the listeners: in outbox order, at least once, and in order per aggregate
 * (once an event of an aggregate fails, the later events of that aggregate wait for the next
 * run). Listeners are called outside any transaction.
 */
public final class EventDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final int BATCH = 500;

    private final Runtime rt;
    private final List<EventListener> listeners;
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * @param rt the runtime
     * @param listeners the listeners, in call order
     */
    public EventDelivery(Runtime rt, List<EventListener> listeners) {
        this.rt = rt;
        this.listeners = List.copyOf(listeners);
    }

    /** @return what was delivered, failed and deferred */
    public DeliveryReport deliver() {
        lock.lock();
        try {
            int delivered = 0;
            int failed = 0;
            int deferred = 0;
            Set<String> blocked = new HashSet<>();
            long after = 0;
            while (true) {
                long from = after;
                List<StoredEvent> batch = rt.store().readOnly(tx -> tx.store(EventStore.class).undelivered(from, BATCH));
                if (batch.isEmpty()) {
                    break;
                }
                List<Long> done = new ArrayList<>(batch.size());
                for (StoredEvent stored : batch) {
                    after = stored.sequence();
                    DomainEvent event = stored.event();
                    String key = event.aggregateType() + ":" + event.aggregateId();
                    if (blocked.contains(key)) {
                        deferred++;
                        continue;
                    }
                    String error = handOver(event);
                    if (error == null) {
                        done.add(stored.sequence());
                    } else {
                        blocked.add(key);
                        failed++;
                        rt.store().inTransaction(tx -> {
                            tx.store(EventStore.class).markFailed(stored.sequence(), error);
                            return null;
                        });
                    }
                }
                if (!done.isEmpty()) {
                    var now = rt.now();
                    rt.store().inTransaction(tx -> {
                        tx.store(EventStore.class).markDelivered(done, now);
                        return null;
                    });
                    delivered += done.size();
                }
                if (batch.size() < BATCH) {
                    break;
                }
            }
            if (delivered + failed > 0) {
                LOG.debug("Delivered {} events, {} failed, {} deferred", delivered, failed, deferred);
            }
            return new DeliveryReport(delivered, failed, deferred);
        } finally {
            lock.unlock();
        }
    }

    private String handOver(DomainEvent event) {
        for (EventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                LOG.warn("CRM-EVT-001 Listener {} failed on event {} ({}); it will be delivered again: {}",
                        listener.getClass().getName(), event.id(), event.type(), e.toString());
                String text = e.toString();
                return text.length() > 1000 ? text.substring(0, 1000) : text;
            }
        }
        return null;
    }
}
