package org.crm4j.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.crm4j.store.CrmStore;
import org.crm4j.store.ReferenceVersionStore;
import org.crm4j.store.StoreTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the caches of reference data of this node in step with the other nodes on the database:
 * a change bumps its kind's version in the database in the changing transaction; before a call,
 * at most once per interval, this node reads the versions (one small query, in a transaction of
 * its own, before the call's) and drops the caches whose version moved. A change on one node is
 * thus seen by every other node's next call after at most the interval.
 */
public final class ReferenceSync {
    /** Pipelines and their stages. */
    public static final String PIPELINES = "pipelines";
    /** The user directory's answers (users, reporting lines). */
    public static final String DIRECTORY = "directory";

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceSync.class);

    private final CrmStore store;
    private final long intervalNanos;
    private final Runnable pipelinesChanged;
    private final Runnable directoryChanged;
    private volatile long nextCheck;
    private Map<String, Long> seen;

    /**
     * @param store the store
     * @param interval how often the versions are read at most
     * @param pipelinesChanged drops the cached pipelines
     * @param directoryChanged drops the directory's cached answers
     */
    public ReferenceSync(CrmStore store, Duration interval, Runnable pipelinesChanged, Runnable directoryChanged) {
        this.store = store;
        this.intervalNanos = interval.toNanos();
        this.pipelinesChanged = pipelinesChanged;
        this.directoryChanged = directoryChanged;
    }

    /** Reads the versions as the caches start empty, at start: the first check is one interval later. */
    public synchronized void start() {
        seen = store.readOnly(tx -> tx.store(ReferenceVersionStore.class).versions());
        nextCheck = System.nanoTime() + intervalNanos;
    }

    /** Reads the versions when the interval has passed since the last read, and drops what changed elsewhere. */
    public void checkIfDue() {
        if (System.nanoTime() - nextCheck < 0 || CurrentTransaction.current() != null || CurrentTransaction.joined()) {
            return;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (now - nextCheck < 0) {
                return;
            }
            nextCheck = now + intervalNanos;
            Map<String, Long> versions;
            try {
                versions = store.readOnly(tx -> tx.store(ReferenceVersionStore.class).versions());
            } catch (RuntimeException e) {
                LOG.debug("Reading the reference data's versions failed; asked again next time: {}", e.toString());
                nextCheck = now;
                return;
            }
            if (seen != null) {
                if (!Objects.equals(seen.get(PIPELINES), versions.get(PIPELINES))) {
                    pipelinesChanged.run();
                }
                if (!Objects.equals(seen.get(DIRECTORY), versions.get(DIRECTORY))) {
                    directoryChanged.run();
                }
            }
            seen = versions;
        }
    }

    /**
     * Records a change in the changing transaction, so that the other nodes drop their caches.
     *
     * @param tx the transaction of the change
     * @param kind {@link #PIPELINES} or {@link #DIRECTORY}
     */
    public static void changed(StoreTransaction tx, String kind) {
        tx.store(ReferenceVersionStore.class).bump(kind);
    }
}
