package org.crm4j.pipeline;

import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;

/**
 * The pipelines of the CRM: configured, not coded. Everyone may read them; only administrators
 * ({@link org.crm4j.access.Actor#ADMIN}) define and change them. They are cached, and every
 * change here invalidates the cache. Changing a pipeline never corrupts the deals in it: a
 * stage can be retired (it takes no new deals) rather than removed while deals are in it.
 * Get it from {@code crm.as(actor).pipelines()}.
 */
public interface Pipelines {

    /**
     * @param pipeline what to define
     * @return the defined pipeline
     * @throws ValidationException when a rule is broken
     * @throws AccessDeniedException when the actor is no administrator
     */
    Pipeline define(NewPipeline pipeline);

    /**
     * @param id a pipeline id
     * @return the pipeline
     * @throws NotFoundException when there is none
     */
    Pipeline get(PipelineId id);

    /** @return every pipeline, by name */
    List<Pipeline> all();

    /**
     * @param id a pipeline
     * @param stage a new stage
     * @param position where it goes, 0 for first, the number of stages for last
     * @return the changed pipeline
     * @throws ConflictException when the pipeline was changed meanwhile
     */
    Pipeline addStage(PipelineId id, Stage stage, int position);

    /**
     * Retires a stage: it takes no new deals; the deals in it stay.
     *
     * @param id a pipeline
     * @param code a stage code
     * @return the changed pipeline
     */
    Pipeline retireStage(PipelineId id, String code);

    /**
     * Removes a stage that no deal is in.
     *
     * @param id a pipeline
     * @param code a stage code
     * @return the changed pipeline
     * @throws ConflictException when a deal is in the stage (retire it instead)
     */
    Pipeline removeStage(PipelineId id, String code);
}
