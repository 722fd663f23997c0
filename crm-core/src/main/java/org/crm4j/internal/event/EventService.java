package org.crm4j.internal.event;

import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.access.Actor;
import org.crm4j.event.DeadLetter;
import org.crm4j.event.Events;
import org.crm4j.store.EventStore;
import org.crm4j.store.ListenerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;

/** The operators' view of the outbox: dead letters, retried or skipped by administrators. */
public final class EventService implements Events {
    private static final Logger LOG = LoggerFactory.getLogger(EventService.class);

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the runtime
     * @param actor who acts
     */
    public EventService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        checkAdmin("list the outbox's dead letters");
        Assert.pageSize(limit);
        return rt.store().readOnly(tx -> tx.store(EventStore.class).deadLetters(limit));
    }

    @Override
    public void retry(long sequence, String listenerId) {
        resolve(sequence, listenerId, ListenerState.FAILED, "retry");
    }

    @Override
    public void skip(long sequence, String listenerId) {
        resolve(sequence, listenerId, ListenerState.SKIPPED, "skip");
    }

    private void resolve(long sequence, String listenerId, ListenerState state, String what) {
        checkAdmin(what + " the outbox's dead letters");
        Assert.notNull(listenerId, "listenerId");
        var at = rt.now();
        boolean changed = rt.store().inTransaction(tx -> tx.store(EventStore.class)
                .resolveDeadLetter(sequence, listenerId, state, at));
        if (!changed) {
            throw new NotFoundException("dead letter", sequence + " of listener " + listenerId);
        }
        LOG.info("CRM-EVT-003 {} chose to {} event {} for listener {}", actor.id(), what, sequence, listenerId);
    }

    private void checkAdmin(String what) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException(actor.id(), what + " (administrators do)");
        }
    }
}
