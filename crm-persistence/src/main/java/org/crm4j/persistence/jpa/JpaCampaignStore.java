package org.crm4j.persistence.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crm4j.campaign.store.CampaignRecord;
import org.crm4j.campaign.CostKind;
import org.crm4j.store.CampaignCostRow;
import org.crm4j.store.CampaignHead;
import org.crm4j.store.CampaignStore;
import org.crm4j.store.Visibility;
import org.hibernate.query.SelectionQuery;

/** Campaigns in the JPA store. A campaign is read with its costs in one select. */
final class JpaCampaignStore implements CampaignStore {
    private static final String WITH_COSTS = "select distinct c from Campaign c left join fetch c.costs";

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
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        SelectionQuery<CampaignEntity> query = ntk.select(WITH_COSTS + " where c.id = :id and " + visible(ntk),
                CampaignEntity.class).setParameter("id", id);
        return query.getResultList().stream().findFirst().map(CampaignEntity::toRecord);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select c.id from Campaign c where c.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public Optional<CampaignHead> head(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        return ntk.select("select c.name, c.currency, c.ownerId, c.productManagerId,"
                + " case when " + visible(ntk) + " then true else false end"
                + " from Campaign c where c.id = :id", Object[].class).setParameter("id", id)
                .getResultList().stream()
                .findFirst().map(row -> new CampaignHead(id, (String) row[0], Currency.getInstance((String) row[1]),
                        (String) row[2], (String) row[3], Boolean.TRUE.equals(row[4])));
    }

    @Override
    public List<CampaignCostRow> costsPerDay(long campaignId, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        tx.planWithValues();
        SelectionQuery<Object[]> query = ntk.select("select k.keyword, k.kind,"
                + " k.date, sum(k.amount) from Campaign c join c.costs k where c.id = :id and " + visible(ntk)
                + " group by k.keyword, k.kind, k.date", Object[].class)
                .setParameter("id", campaignId);
        return query.getResultList().stream().map(row -> new CampaignCostRow((String) row[0], (CostKind) row[1],
                (LocalDate) row[2], decimal(row[3]))).toList();
    }

    /** Need-to-know on a campaign, which belongs to no customer: its owner's or its product manager's. */
    private static String visible(NeedToKnow ntk) {
        return ntk.everything() ? ntk.user("c.ownerId") : "(" + ntk.user("c.ownerId") + " or " + ntk.user("c.productManagerId") + ")";
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
