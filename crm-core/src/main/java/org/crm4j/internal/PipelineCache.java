package org.crm4j.internal;

import org.crm4j.store.PipelineStore;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.store.CrmStore;

/**
 * Pipelines are reference data: read on every deal, changed rarely. They are kept here and
 * dropped whenever this CRM changes one; other nodes see a change after the time to live.
 */
public final class PipelineCache {
    private static final Long ALL = -1L;

    private final LoadingCache<Long, Optional<Pipeline>> byId;
    private final LoadingCache<Long, List<Pipeline>> all;

    /**
     * @param store where pipelines are kept
     * @param ttl how long a pipeline is kept without asking the store again
     */
    public PipelineCache(CrmStore store, Duration ttl) {
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
        return byId.get(id);
    }

    /** @return every pipeline */
    public List<Pipeline> all() {
        return all.get(ALL);
    }

    /** Drops everything, after a change. */
    public void invalidate() {
        byId.invalidateAll();
        all.invalidateAll();
    }
}
