package org.crm4j.pipeline;

import org.crm4j.ValidationException;

/**
 * The id of a pipeline, assigned by the store when it is defined.
 *
 * @param value a positive number
 */
public record PipelineId(long value) {

    /** @throws ValidationException when the value is not positive */
    public PipelineId {
        if (value <= 0) {
            throw new ValidationException("pipelineId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static PipelineId of(long value) {
        return new PipelineId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
