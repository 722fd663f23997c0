package org.crm4j.persistence.memory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crm4j.customer.CompetitorContract;
import org.crm4j.customer.CompetitorContractId;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.store.CompetitorContractStore;
import org.crm4j.store.EndingContract;
import org.crm4j.store.Visibility;

/** Contracts with competitors; need-to-know by the customer's owner. */
final class MemoryCompetitorContractStore extends MemoryFeatureStore implements CompetitorContractStore {
    private static final Comparator<CompetitorContract> SOONEST_FIRST = Comparator
            .comparing(CompetitorContract::endsOn).thenComparingLong(c -> c.id().value());

    MemoryCompetitorContractStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public CompetitorContract insert(long customerId, String supplier, String product, LocalDate endsOn,
            String note, String createdBy, Instant createdAt) {
        checkWritable();
        long id = newId();
        CompetitorContract c = new CompetitorContract(CompetitorContractId.of(id), CustomerId.of(customerId),
                supplier, product, endsOn, note, createdBy, createdAt);
        put(data.competitorContracts, id, c);
        return c;
    }

    private boolean visible(CompetitorContract c, Visibility visibility) {
        CustomerRecord customer = data.customers.get(c.customerId().value());
        return customer != null && needToKnow.customerDetails(visibility, customer);
    }

    @Override
    public List<CompetitorContract> ofCustomer(long customerId, Visibility visibility) {
        return data.competitorContracts.values().stream().filter(c -> c.customerId().value() == customerId)
                .filter(c -> visible(c, visibility)).sorted(SOONEST_FIRST).toList();
    }

    @Override
    public Optional<CompetitorContract> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.competitorContracts.get(id)).filter(c -> visible(c, visibility));
    }

    @Override
    public boolean exists(long id) {
        return data.competitorContracts.containsKey(id);
    }

    @Override
    public void delete(long id) {
        remove(data.competitorContracts, id);
    }

    @Override
    public List<EndingContract> ending(LocalDate from, LocalDate until, int limit) {
        return data.competitorContracts.values().stream()
                .filter(c -> !c.endsOn().isBefore(from) && !c.endsOn().isAfter(until))
                .filter(c -> data.customers.get(c.customerId().value()).status() == CustomerStatus.ACTIVE)
                .filter(c -> data.noticeKeys.keySet().stream().noneMatch(k -> k.get(0).equals(
                        EndingContract.noticeKey(c.id().value()))))
                .sorted(SOONEST_FIRST).limit(limit)
                .map(c -> {
                    CustomerRecord customer = data.customers.get(c.customerId().value());
                    return new EndingContract(c, customer.name(), customer.ownerId());
                })
                .toList();
    }
}
