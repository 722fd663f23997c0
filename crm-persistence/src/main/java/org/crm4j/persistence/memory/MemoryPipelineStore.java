package org.crm4j.persistence.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.store.PipelineStore;

/** Pipelines, in the same transaction. */
final class MemoryPipelineStore extends MemoryFeatureStore implements PipelineStore {
    MemoryPipelineStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public Pipeline insert(Pipeline pipeline) {
        checkWritable();
        Pipeline stored = pipeline.withIdentity(PipelineId.of(newId()), 0);
        put(data.pipelines, stored.id().value(), stored);
        return stored;
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        checkWritable();
        MemoryTx.current(data.pipelines.get(pipeline.id().value()), Pipeline::version, pipeline.version(),
                "pipeline " + pipeline.id());
        Pipeline stored = pipeline.withIdentity(pipeline.id(), pipeline.version() + 1);
        put(data.pipelines, stored.id().value(), stored);
        return stored;
    }

    @Override
    public Optional<Pipeline> find(long id) {
        return Optional.ofNullable(data.pipelines.get(id));
    }

    @Override
    public List<Pipeline> all() {
        return data.pipelines.values().stream()
                .sorted(Comparator.comparing(Pipeline::name).thenComparingLong(p -> p.id().value())).toList();
    }
}
