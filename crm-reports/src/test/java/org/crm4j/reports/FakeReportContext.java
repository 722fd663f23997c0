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
import org.crm4j.store.ActivityStore;
import org.crm4j.store.CampaignCostRow;
import org.crm4j.store.CampaignHead;
import org.crm4j.store.CampaignStore;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.FirstContactCountRow;
import org.crm4j.store.FirstContactSelection;
import org.crm4j.store.ForecastRow;
import org.crm4j.store.ForecastSelection;
import org.crm4j.store.LeadFunnelRow;
import org.crm4j.store.LeadStore;
import org.crm4j.store.OpportunityStore;
import org.crm4j.plugin.ReportContext;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Stores;
import org.crm4j.store.Visibility;
import org.crm4j.store.WonRevenueRow;

/**
 * A report context whose store answers the cash-flow, campaign and first-contact aggregates with given rows and
 * records what it was asked; every other store call fails.
 */
final class FakeReportContext implements ReportContext {
    final List<ForecastSelection> selections = new ArrayList<>();
    final List<Visibility> visibilities = new ArrayList<>();
    private final List<ForecastRow> rows = new ArrayList<>();
    private final Map<String, DirectoryUser> users = new HashMap<>();
    private final Map<Long, Pipeline> pipelines = new HashMap<>();
    private final Visibility visibility;
    final List<String> campaignCalls = new ArrayList<>();
    private CampaignHead campaign;
    private final List<CampaignCostRow> costs = new ArrayList<>();
    private final List<LeadFunnelRow> funnel = new ArrayList<>();
    private final List<WonRevenueRow> won = new ArrayList<>();
    final List<FirstContactSelection> firstContactSelections = new ArrayList<>();
    private final List<FirstContactCountRow> firstContacts = new ArrayList<>();

    FakeReportContext(Visibility visibility) {
        this.visibility = visibility;
    }

    FakeReportContext row(ForecastRow row) {
        rows.add(row);
        return this;
    }

    FakeReportContext campaign(CampaignHead head) {
        campaign = head;
        return this;
    }

    FakeReportContext cost(CampaignCostRow row) {
        costs.add(row);
        return this;
    }

    FakeReportContext leads(LeadFunnelRow row) {
        funnel.add(row);
        return this;
    }

    FakeReportContext won(WonRevenueRow row) {
        won.add(row);
        return this;
    }

    FakeReportContext firstContacts(FirstContactCountRow row) {
        firstContacts.add(row);
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
        CampaignStore campaigns = (CampaignStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CampaignStore.class}, (proxy, method, args) -> {
                    campaignCalls.add(method.getName());
                    return switch (method.getName()) {
                        // as a store decides it: the costs are seen by whoever covers the owner or the product manager
                        case "head" -> Optional.ofNullable(campaign).filter(c -> c.id() == (long) args[0])
                                .map(c -> new CampaignHead(c.id(), c.name(), c.currency(), c.ownerId(),
                                        c.productManagerId(), ((Visibility) args[1]).covers(c.ownerId())
                                        || c.productManagerId() != null && ((Visibility) args[1]).covers(c.productManagerId())));
                        case "costsPerDay" -> {
                            visibilities.add((Visibility) args[1]);
                            yield List.copyOf(costs);
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        LeadStore leads = (LeadStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {LeadStore.class}, (proxy, method, args) -> {
                    campaignCalls.add(method.getName());
                    visibilities.add((Visibility) args[1]);
                    return switch (method.getName()) {
                        case "funnel" -> List.copyOf(funnel);
                        case "wonRevenue" -> List.copyOf(won);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        ActivityStore activities = (ActivityStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ActivityStore.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("firstContactCounts")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    firstContactSelections.add((FirstContactSelection) args[0]);
                    visibilities.add((Visibility) args[1]);
                    return List.copyOf(firstContacts);
                });
        Stores stores = Stores.builder().add(OpportunityStore.class, opportunities)
                .add(ActivityStore.class, activities).add(CampaignStore.class, campaigns).add(LeadStore.class, leads)
                .build();
        return stores::get;
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
