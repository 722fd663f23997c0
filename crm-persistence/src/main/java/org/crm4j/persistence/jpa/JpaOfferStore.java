package org.crm4j.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.OfferStatus;
import org.crm4j.pipeline.store.SalesOrderRecord;
import org.crm4j.store.OfferStore;
import org.crm4j.store.Visibility;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/** Offers and sales orders in the JPA store. An offer is read with its lines in one select. */
final class JpaOfferStore implements OfferStore {
    private static final String WITH_LINES = "select distinct f from Offer f left join fetch f.lines";

    private final JpaTransaction tx;

    JpaOfferStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public OfferRecord insert(OfferRecord offer) {
        Session session = tx.writing();
        OfferEntity entity = OfferEntity.of(offer);
        session.persist(entity);
        tx.flush();
        return offer.withIdentity(entity.id, entity.version);
    }

    @Override
    public OfferRecord update(OfferRecord offer) {
        OfferEntity entity = tx.writing().find(OfferEntity.class, offer.id());
        long version = tx.updateVersioned(entity, "offer " + offer.id(), offer.version(), e -> e.version,
                e -> e.copyFrom(offer), tx::flush);
        return offer.withIdentity(offer.id(), version);
    }

    @Override
    public Optional<OfferRecord> find(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        SelectionQuery<OfferEntity> query = ntk.select(WITH_LINES
                + " where f.id = :id" + " and f.opportunityId in"
                        + " (select o.id from Opportunity o where " + ntk.record("o.customerId", "o.ownerId") + ")", OfferEntity.class)
                .setParameter("id", id);
        return query.getResultList().stream().findFirst().map(OfferEntity::toRecord);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select f.id from Offer f where f.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<OfferRecord> ofOpportunity(long opportunityId) {
        return tx.session().createSelectionQuery(WITH_LINES + " where f.opportunityId = :o order by f.number",
                OfferEntity.class).setParameter("o", opportunityId).getResultList().stream()
                .map(OfferEntity::toRecord).toList();
    }

    @Override
    public int lastNumber(long opportunityId) {
        Integer last = tx.session().createSelectionQuery("select max(f.number) from Offer f where f.opportunityId = :o",
                Integer.class).setParameter("o", opportunityId).getSingleResultOrNull();
        return last == null ? 0 : last;
    }

    @Override
    public boolean anySent(long opportunityId) {
        return !tx.session().createSelectionQuery("select f.id from Offer f where f.opportunityId = :o"
                + " and f.status <> :draft", Long.class).setParameter("o", opportunityId)
                .setParameter("draft", OfferStatus.DRAFT).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public SalesOrderRecord insertOrder(SalesOrderRecord order) {
        SalesOrderEntity entity = SalesOrderEntity.of(order);
        tx.writing().persist(entity);
        tx.flush();
        return order.withId(entity.id);
    }

    @Override
    public Optional<SalesOrderRecord> order(long id) {
        return Optional.ofNullable(tx.session().find(SalesOrderEntity.class, id)).map(SalesOrderEntity::toRecord);
    }

    @Override
    public Optional<SalesOrderRecord> orderOf(long offerId) {
        return tx.session().createSelectionQuery("select s from SalesOrder s where s.offerId = :offer",
                SalesOrderEntity.class).setParameter("offer", offerId).getResultList().stream().findFirst()
                .map(SalesOrderEntity::toRecord);
    }
}
