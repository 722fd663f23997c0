package org.crm4j.persistence.memory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crm4j.campaign.store.CampaignRecord;
import org.crm4j.campaign.CostEntry;
import org.crm4j.store.CampaignCostRow;
import org.crm4j.store.CampaignHead;
import org.crm4j.store.CampaignStore;
import org.crm4j.store.Visibility;

/** Campaigns, in the same transaction. */
final class MemoryCampaignStore extends MemoryFeatureStore implements CampaignStore {
    MemoryCampaignStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public CampaignRecord insert(CampaignRecord campaign) {
        checkWritable();
        CampaignRecord stored = campaign.withIdentity(newId(), 0);
        put(data.campaigns, stored.id(), stored);
        return stored;
    }

    @Override
    public CampaignRecord update(CampaignRecord campaign) {
        CampaignRecord stored = replaceVersioned(data.campaigns, campaign.id(), campaign.version(),
                CampaignRecord::version,
                "campaign " + campaign.id(), next -> campaign.withIdentity(campaign.id(), next));
        return stored;
    }

    @Override
    public Optional<CampaignRecord> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.campaigns.get(id)).filter(c -> needToKnow.user(visibility, c.ownerId())
                || c.productManagerId() != null && needToKnow.user(visibility, c.productManagerId()));
    }

    @Override
    public boolean exists(long id) {
        return data.campaigns.containsKey(id);
    }

    @Override
    public Optional<CampaignHead> head(long id, Visibility visibility) {
        return Optional.ofNullable(data.campaigns.get(id)).map(c -> new CampaignHead(c.id(), c.name(), c.currency(),
                c.ownerId(), c.productManagerId(), find(id, visibility).isPresent()));
    }

    @Override
    public List<CampaignCostRow> costsPerDay(long campaignId, Visibility visibility) {
        Optional<CampaignRecord> campaign = find(campaignId, visibility);
        if (campaign.isEmpty()) {
            return List.of();
        }
        Map<CampaignCostRow, BigDecimal> sums = new HashMap<>();
        for (CostEntry c : campaign.get().costs()) {
            sums.merge(new CampaignCostRow(c.keyword(), c.kind(), c.date(), BigDecimal.ZERO),
                    c.amount().amount(), BigDecimal::add);
        }
        return sums.entrySet().stream().map(e -> new CampaignCostRow(e.getKey().keyword(), e.getKey().kind(),
                e.getKey().date(), e.getValue())).toList();
    }
}
