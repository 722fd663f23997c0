package org.crm4j.plugin;

import org.crm4j.store.OpportunityStore;

/**
 * A report definition: an analysis run for one actor through
 * {@link org.crm4j.ActorScope#report(Report)}. Reports are computed by the store (aggregate
 * queries such as {@link OpportunityStore#cashFlow}), never by loading every record into the JVM,
 * and see only what the actor may see: the {@link ReportContext} carries the actor's need-to-know
 * (R28), which the report passes to every store query it makes.
 *
 * <p>Implementations are immutable values describing what to compute; one instance may be run
 * many times, by many actors, from many threads.
 *
 * @param <R> what the report produces
 */
public interface Report<R> {

    /** @return a short, stable name of the report, for logs, e.g. {@code cash-flow-forecast} */
    String id();

    /**
     * Computes the report inside one read-only transaction.
     *
     * @param context the actor, their need-to-know, the store and reference data
     * @return the result
     * @throws org.crm4j.ValidationException when the definition does not fit the data (e.g. an
     *     unknown pipeline)
     */
    R run(ReportContext context);
}
