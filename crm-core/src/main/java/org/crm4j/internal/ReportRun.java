package org.crm4j.internal;

import java.time.Clock;
import java.util.Optional;
import org.crm4j.access.Actor;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.plugin.Report;
import org.crm4j.plugin.ReportContext;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;

/** The {@link ReportContext} of one report run: the actor's need-to-know over a read-only transaction. */
public final class ReportRun implements ReportContext {
    private final Runtime rt;
    private final Actor actor;
    private final Visibility visibility;
    private final StoreTransaction tx;

    private ReportRun(Runtime rt, Actor actor, Visibility visibility, StoreTransaction tx) {
        this.rt = rt;
        this.actor = actor;
        this.visibility = visibility;
        this.tx = tx;
    }

    /**
     * @param rt the shared runtime
     * @param actor who asks
     * @param report what to compute
     * @param <R> its result
     * @return the report's result
     */
    public static <R> R run(Runtime rt, Actor actor, Report<R> report) {
        Visibility visibility = rt.access().visibilityOf(actor);
        return rt.store().readOnly(tx -> report.run(new ReportRun(rt, actor, visibility, tx)));
    }

    @Override
    public String actorId() {
        return actor.id();
    }

    @Override
    public Visibility visibility() {
        return visibility;
    }

    @Override
    public StoreTransaction store() {
        return tx;
    }

    @Override
    public Clock clock() {
        return rt.clock();
    }

    @Override
    public Optional<Pipeline> pipeline(PipelineId id) {
        Assert.notNull(id, "id");
        return rt.pipelines().get(id.value());
    }

    @Override
    public Optional<DirectoryUser> user(String userId) {
        return rt.access().user(userId);
    }
}
