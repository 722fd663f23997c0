package org.crm4j.persistence.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crm4j.campaign.CampaignRecord;
import org.crm4j.campaign.CostKind;
import org.crm4j.spi.CampaignCostRow;
import org.crm4j.spi.CampaignHead;
import org.crm4j.spi.CampaignStore;
import org.crm4j.spi.Visibility;
import org.hibernate.query.SelectionQuery;

/** Campaigns in the JPA store. A campaign is read with its costs in one select. */
final class JpaCampaignStore implements CampaignStore {
    private static final String WITH_COSTS = "select distinct c from Campaign c left join fetch c.costs";
    /** Need-to-know on a campaign: its owner's or its product manager's. */
    private static final String VISIBLE = " and (c.ownerId in :owners or c.productManagerId in :owners)";

    private final JpaTransaction tx;

    JpaCampaignStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public CampaignRecord insert(CampaignRecord campaign) {
        CampaignEntity entity = CampaignEntity.of(campaign);
        tx.writing().persist(entity);
        tx.flush();
        return campaign.withIdentity(entity.id, entity.version);
    }

    @Override
    public CampaignRecord update(CampaignRecord campaign) {
        CampaignEntity entity = tx.writing().find(CampaignEntity.class, campaign.id());
        long version = tx.updateVersioned(entity, "campaign " + campaign.id(), campaign.version(), e -> e.version,
                e -> e.copyFrom(campaign), tx::flush);
        return campaign.withIdentity(campaign.id(), version);
    }

    @Override
    public Optional<CampaignRecord> find(long id, Visibility visibility) {
        if (!visibility.all() && visibility.owners().isEmpty()) {
            return Optional.empty();
        }
        SelectionQuery<CampaignEntity> query = tx.session().createSelectionQuery(InList.expand(WITH_COSTS
                + " where c.id = :id" + (visibility.all() ? "" : VISIBLE), "owners", visibility.owners(), tx.lists()),
                CampaignEntity.class).setParameter("id", id);
        if (!visibility.all()) {
            InList.bind(query, "owners", visibility.owners());
        }
        return query.getResultList().stream().findFirst().map(CampaignEntity::toRecord);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select c.id from Campaign c where c.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public Optional<CampaignHead> head(long id) {
        return tx.session().createSelectionQuery("select c.name, c.currency, c.ownerId, c.productManagerId"
                + " from Campaign c where c.id = :id", Object[].class).setParameter("id", id).getResultList().stream()
                .findFirst().map(row -> new CampaignHead(id, (String) row[0], Currency.getInstance((String) row[1]),
                        (String) row[2], (String) row[3]));
    }

    @Override
    public List<CampaignCostRow> costsPerDay(long campaignId, Visibility visibility) {
        if (!visibility.all() && visibility.owners().isEmpty()) {
            return List.of();
        }
        tx.planWithValues();
        SelectionQuery<Object[]> query = tx.session().createSelectionQuery(InList.expand("select k.keyword, k.kind,"
                + " k.date, sum(k.amount) from Campaign c join c.costs k where c.id = :id"
                + (visibility.all() ? "" : VISIBLE)
                + " group by k.keyword, k.kind, k.date", "owners", visibility.owners(), tx.lists()), Object[].class)
                .setParameter("id", campaignId);
        if (!visibility.all()) {
            InList.bind(query, "owners", visibility.owners());
        }
        return query.getResultList().stream().map(row -> new CampaignCostRow((String) row[0], (CostKind) row[1],
                (LocalDate) row[2], decimal(row[3]))).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
