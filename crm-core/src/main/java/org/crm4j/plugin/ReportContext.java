package org.crm4j.plugin;

import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import java.time.Clock;
import java.util.Optional;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;

/**
 * What a {@link Report} sees while it runs: who asked, what they may see, a read-only
 * transaction on the store, the clock and the reference data a report needs to label its rows.
 * Valid only during {@link Report#run}.
 *
 * <p>A report is code the host trusts, as a store adapter is: it reads through the store SPI,
 * whose queries take the {@link #visibility()} to apply in their {@code WHERE} clause. A report
 * must pass it to every query it makes; the reports of {@code crm-reports} do, and their contract
 * tests show what each actor sees.
 */
public interface ReportContext {

    /** @return the id of the actor the report runs for */
    String actorId();

    /** @return the actor's need-to-know, to be passed to every store query of the report */
    Visibility visibility();

    /** @return a read-only transaction; writing through it fails */
    StoreTransaction store();

    /** @return the CRM's clock, for "today" and relative ranges */
    Clock clock();

    /**
     * @param id a pipeline
     * @return the pipeline (from the cache of reference data), or empty when there is none
     */
    Optional<Pipeline> pipeline(PipelineId id);

    /**
     * @param userId a user id, e.g. a record's owner
     * @return the user as the host's directory knows them (with their superior), or empty
     */
    Optional<DirectoryUser> user(String userId);
}
