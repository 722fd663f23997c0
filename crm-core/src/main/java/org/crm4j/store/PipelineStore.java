package org.crm4j.store;

import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.Pipeline;

/** Pipelines in a store. */
public interface PipelineStore {

    /**
     * @param pipeline a new pipeline (no id)
     * @return it with its id and version 0
     */
    Pipeline insert(Pipeline pipeline);

    /**
     * @param pipeline a changed pipeline carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    Pipeline update(Pipeline pipeline);

    /**
     * @param id a pipeline id
     * @return the pipeline
     */
    Optional<Pipeline> find(long id);

    /** @return every pipeline, by name and id */
    List<Pipeline> all();
}
