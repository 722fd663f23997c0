package org.crm4j.persistence.jpa;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.store.PipelineStore;
import org.hibernate.Session;

/**
 * Pipelines in the JPA store. A pipeline is read with its stages and reasons in one select (the
 * stages are an indexed list, the reasons a set, so both may be fetched together).
 */
final class JpaPipelineStore implements PipelineStore {
    /** Every pipeline with everything it holds. */
    private static final String ALL = "select p from Pipeline p left join fetch p.stages left join fetch p.reasons";
    /** The pipeline with everything it holds, in one select. */
    private static final String FIND = ALL + " where p.id = :id";
    /** The order of {@link #all()}, as every store sorts: by name (by code point), then by id. */
    private static final Comparator<Pipeline> BY_NAME = Comparator.comparing(Pipeline::name)
            .thenComparingLong(p -> p.id().value());

    private final JpaTransaction tx;

    JpaPipelineStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public Pipeline insert(Pipeline pipeline) {
        Session session = tx.writing();
        PipelineEntity entity = PipelineEntity.of(pipeline);
        session.persist(entity);
        tx.flush();
        return pipeline.withIdentity(PipelineId.of(entity.id), entity.version);
    }

    @Override
    public Pipeline update(Pipeline pipeline) {
        tx.writing();
        PipelineEntity entity = load(pipeline.id().value()).orElse(null);
        long version = tx.updateVersioned(entity, "pipeline " + pipeline.id(), pipeline.version(), e -> e.version,
                e -> e.copyFrom(pipeline), tx::flush);
        return pipeline.withIdentity(pipeline.id(), version);
    }

    @Override
    public Optional<Pipeline> find(long id) {
        return load(id).map(PipelineEntity::toPipeline);
    }

    /** @return the managed entity with its stages and reasons, from the session when it is there */
    private Optional<PipelineEntity> load(long id) {
        return tx.session().createSelectionQuery(FIND, PipelineEntity.class).setParameter("id", id)
                .getResultList().stream().findFirst();
    }

    @Override
    public List<Pipeline> all() {
        return tx.session().createSelectionQuery(ALL, PipelineEntity.class).getResultList().stream()
                .map(PipelineEntity::toPipeline).sorted(BY_NAME).toList();
    }
}
