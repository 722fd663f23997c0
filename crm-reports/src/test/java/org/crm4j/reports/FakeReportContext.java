package org.crm4j.reports;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.spi.DirectoryUser;
import org.crm4j.spi.ForecastRow;
import org.crm4j.spi.ForecastSelection;
import org.crm4j.spi.OpportunityStore;
import org.crm4j.spi.ReportContext;
import org.crm4j.spi.StoreTransaction;
import org.crm4j.spi.Visibility;

/**
 * A report context whose store answers the cash-flow aggregate with given rows and records what
 * it was asked; every other store call fails.
 */
final class FakeReportContext implements ReportContext {
    final List<ForecastSelection> selections = new ArrayList<>();
    final List<Visibility> visibilities = new ArrayList<>();
    private final List<ForecastRow> rows = new ArrayList<>();
    private final Map<String, DirectoryUser> users = new HashMap<>();
    private final Map<Long, Pipeline> pipelines = new HashMap<>();
    private final Visibility visibility;

    FakeReportContext(Visibility visibility) {
        this.visibility = visibility;
    }

    FakeReportContext row(ForecastRow row) {
        rows.add(row);
        return this;
    }

    FakeReportContext user(DirectoryUser user) {
        users.put(user.id(), user);
        return this;
    }

    FakeReportContext pipeline(Pipeline pipeline) {
        pipelines.put(pipeline.id().value(), pipeline);
        return this;
    }

    @Override
    public String actorId() {
        return "mia";
    }

    @Override
    public Visibility visibility() {
        return visibility;
    }

    @Override
    public StoreTransaction store() {
        OpportunityStore opportunities = (OpportunityStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OpportunityStore.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("cashFlow")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    selections.add((ForecastSelection) args[0]);
                    visibilities.add((Visibility) args[1]);
                    return List.copyOf(rows);
                });
        return (StoreTransaction) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("opportunities")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return opportunities;
                });
    }

    @Override
    public Clock clock() {
        return Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
    }

    @Override
    public Optional<Pipeline> pipeline(PipelineId id) {
        return Optional.ofNullable(pipelines.get(id.value()));
    }

    @Override
    public Optional<DirectoryUser> user(String userId) {
        return Optional.ofNullable(users.get(userId));
    }
}
