package org.crm4j.internal.pipeline;

import org.crm4j.store.PipelineStore;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.store.CrmStore;
import org.crm4j.internal.CurrentTransaction;

/**
 * Pipelines are reference data: read on every deal, changed rarely. They are kept here and
 * dropped whenever this CRM changes one, and when another node did ({@link ReferenceSync}); the
 * time to live bounds what a missed signal could cost. A miss inside a transaction reads through
 * that transaction (never a second connection), and is kept only when the transaction does not
 * write (what it reads might otherwise be its own change, not yet committed).
 */
public final class PipelineCache {
    private static final Long ALL = -1L;

    private final LoadingCache<Long, Optional<Pipeline>> byId;
    private final LoadingCache<Long, List<Pipeline>> all;
    private final CrmStore store;

    /**
     * @param store where pipelines are kept
     * @param ttl how long a pipeline is kept without asking the store again
     */
    public PipelineCache(CrmStore store, Duration ttl) {
        this.store = store;
        this.byId = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(ttl)
                .build(id -> store.readOnly(tx -> tx.store(PipelineStore.class).find(id)));
        this.all = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(ttl)
                .build(key -> store.readOnly(tx -> tx.store(PipelineStore.class).all()));
    }

    /**
     * @param id a pipeline id
     * @return the pipeline
     */
    public Optional<Pipeline> get(long id) {
        Optional<Pipeline> cached = byId.getIfPresent(id);
        if (cached != null) {
            return cached;
        }
        CurrentTransaction.Open open = CurrentTransaction.current();
        if (open == null && !CurrentTransaction.joined()) {
            return byId.get(id);
        }
        if (open == null) {
            // in a host's transaction: read through it, keep nothing
            return store.readOnly(tx -> tx.store(PipelineStore.class).find(id));
        }
        Optional<Pipeline> read = open.tx().store(PipelineStore.class).find(id);
        if (!open.writing()) {
            byId.put(id, read);
        }
        return read;
    }

    /** @return every pipeline */
    public List<Pipeline> all() {
        List<Pipeline> cached = all.getIfPresent(ALL);
        if (cached != null) {
            return cached;
        }
        CurrentTransaction.Open open = CurrentTransaction.current();
        if (open == null && !CurrentTransaction.joined()) {
            return all.get(ALL);
        }
        if (open == null) {
            return store.readOnly(tx -> tx.store(PipelineStore.class).all());
        }
        List<Pipeline> read = open.tx().store(PipelineStore.class).all();
        if (!open.writing()) {
            all.put(ALL, read);
        }
        return read;
    }

    /** Drops everything, after a change. */
    public void invalidate() {
        byId.invalidateAll();
        all.invalidateAll();
    }
}
