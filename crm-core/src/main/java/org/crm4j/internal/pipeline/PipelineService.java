package org.crm4j.internal.pipeline;

import org.crm4j.store.PipelineStore;
import org.crm4j.store.OpportunityStore;
import org.crm4j.store.EventStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.Pipelines;
import org.crm4j.pipeline.Stage;
import org.crm4j.store.StoreTransaction;
import org.crm4j.internal.Assert;
import org.crm4j.internal.ReferenceSync;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;

/** {@link Pipelines} for one actor. */
public final class PipelineService implements Pipelines {
    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public PipelineService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    @Override
    public Pipeline define(NewPipeline pipeline) {
        Assert.notNull(pipeline, "pipeline");
        var now = rt.now();
        Pipeline draft = pipeline.toPipeline(now);
        requireAdmin("define pipelines");
        requireStorable(draft);
        Pipeline saved = rt.store().inTransaction(tx -> {
            Pipeline inserted = tx.store(PipelineStore.class).insert(draft);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.PIPELINE_DEFINED, "pipeline", inserted.id().value(),
                    null, now, Map.of("name", inserted.name()))));
            ReferenceSync.changed(tx, ReferenceSync.PIPELINES);
            return inserted;
        });
        rt.pipelines().invalidate();
        return saved;
    }

    /** Refuses a text no store keeps as it is (U+0000, a lone surrogate) in a pipeline or a stage. */
    private static void requireStorable(Object pipelineOrStage) {
        List<org.crm4j.ValidationException.Violation> broken = StoredValues.violations(pipelineOrStage);
        if (!broken.isEmpty()) {
            throw new ValidationException(broken);
        }
    }

    @Override
    public Pipeline get(PipelineId id) {
        Assert.notNull(id, "id");
        return rt.pipelines().get(id.value()).orElseThrow(() -> new NotFoundException("pipeline", id));
    }

    @Override
    public List<Pipeline> all() {
        return rt.pipelines().all();
    }

    @Override
    public Pipeline addStage(PipelineId id, Stage stage, int position) {
        Assert.notNull(stage, "stage");
        requireStorable(stage);
        return change(id, "add", "added", stage.code(), (tx, stages) -> {
            if (position < 0 || position > stages.size()) {
                throw new ValidationException("position", "Range", "must be 0 to " + stages.size() + ", was " + position);
            }
            stages.add(position, stage);
            return stages;
        });
    }

    @Override
    public Pipeline retireStage(PipelineId id, String code) {
        return change(id, "retire", "retired", code, (tx, stages) -> {
            int i = indexOf(stages, code, id);
            stages.set(i, stages.get(i).retire());
            return stages;
        });
    }

    @Override
    public Pipeline removeStage(PipelineId id, String code) {
        return change(id, "remove", "removed", code, (tx, stages) -> {
            Stage stage = stages.remove(indexOf(stages, code, id));
            if (tx.store(OpportunityStore.class).stageInUse(id.value(), stage.code())) {
                throw new ConflictException("stage " + stage.code() + " of pipeline " + id
                        + " has deals in it; retire it instead of removing it");
            }
            return stages;
        });
    }

    private Pipeline change(PipelineId id, String verb, String what, String code,
            BiFunction<StoreTransaction, List<Stage>, List<Stage>> edit) {
        Assert.notNull(id, "id");
        Assert.notNull(code, "code");
        requireAdmin(verb + " stages");
        var now = rt.now();
        Pipeline saved = rt.store().inTransaction(tx -> {
            Pipeline stored = tx.store(PipelineStore.class).find(id.value()).orElseThrow(() -> new NotFoundException("pipeline", id));
            Pipeline changed = stored.withStages(edit.apply(tx, new ArrayList<>(stored.stages())), now);
            Pipeline updated = tx.store(PipelineStore.class).update(changed);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.PIPELINE_CHANGED, "pipeline", id.value(), null, now,
                    Map.of("change", what, "stage", code.strip().toUpperCase(Locale.ROOT)))));
            ReferenceSync.changed(tx, ReferenceSync.PIPELINES);
            return updated;
        });
        rt.pipelines().invalidate();
        return saved;
    }

    private static int indexOf(List<Stage> stages, String code, PipelineId id) {
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).code().equals(wanted)) {
                return i;
            }
        }
        throw new NotFoundException("stage", id + "/" + wanted);
    }

    private void requireAdmin(String what) {
        if (!actor.isAdmin()) {
            throw new AccessDeniedException(actor.id(), what + " (administrators only)");
        }
    }
}
