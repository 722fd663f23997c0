package org.crm4j.persistence.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crm4j.ConflictException;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.OfferStatus;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.store.SalesOrderRecord;
import org.crm4j.store.OfferStore;
import org.crm4j.store.Visibility;

/** Offers and sales orders, in the same transaction. */
final class MemoryOfferStore extends MemoryFeatureStore implements OfferStore {
    MemoryOfferStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public OfferRecord insert(OfferRecord offer) {
        checkWritable();
        if (data.offers.values().stream().anyMatch(o -> o.opportunityId() == offer.opportunityId()
                && o.number() == offer.number())) {
            throw new ConflictException("another offer of the deal was drafted at the same time; try again");
        }
        OfferRecord stored = offer.withIdentity(newId(), 0);
        put(data.offers, stored.id(), stored);
        return stored;
    }

    @Override
    public OfferRecord update(OfferRecord offer) {
        OfferRecord stored = replaceVersioned(data.offers, offer.id(), offer.version(), OfferRecord::version,
                "offer " + offer.id(), next -> offer.withIdentity(offer.id(), next));
        return stored;
    }

    @Override
    public Optional<OfferRecord> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.offers.get(id))
                .filter(o -> {
                    OpportunityRecord deal = data.opportunities.get(o.opportunityId());
                    return needToKnow.record(visibility, deal.customerId(), deal.ownerId());
                });
    }

    @Override
    public boolean exists(long id) {
        return data.offers.containsKey(id);
    }

    @Override
    public List<OfferRecord> ofOpportunity(long opportunityId) {
        return data.offers.values().stream().filter(o -> o.opportunityId() == opportunityId)
                .sorted(Comparator.comparingInt(OfferRecord::number)).toList();
    }

    @Override
    public int lastNumber(long opportunityId) {
        return data.offers.values().stream().filter(o -> o.opportunityId() == opportunityId)
                .mapToInt(OfferRecord::number).max().orElse(0);
    }

    @Override
    public boolean anySent(long opportunityId) {
        return data.offers.values().stream()
                .anyMatch(o -> o.opportunityId() == opportunityId && o.status() != OfferStatus.DRAFT);
    }

    @Override
    public SalesOrderRecord insertOrder(SalesOrderRecord order) {
        checkWritable();
        if (orderOf(order.offerId()).isPresent()) {
            throw new ConflictException("the offer was turned into an order already");
        }
        SalesOrderRecord stored = order.withId(newId());
        put(data.orders, stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<SalesOrderRecord> order(long id) {
        return Optional.ofNullable(data.orders.get(id));
    }

    @Override
    public Optional<SalesOrderRecord> orderOf(long offerId) {
        return data.orders.values().stream().filter(o -> o.offerId() == offerId).findFirst();
    }
}
