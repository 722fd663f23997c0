package org.crm4j.internal.customer;

import org.crm4j.store.EventStore;
import org.crm4j.store.CompetitorContractStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.access.Actor;
import org.crm4j.customer.CompetitorContract;
import org.crm4j.customer.CompetitorContractId;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.NewCompetitorContract;
import org.crm4j.event.EventTypes;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;

/**
 * Customers' contracts with competitors for one actor (the {@code Customers} methods): a detail of
 * the customer, so need-to-know is the customer's, applied in the store's queries.
 */
public final class CompetitorContracts {
    private final Runtime rt;
    private final Actor actor;

    CompetitorContracts(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    CompetitorContract add(CustomerId customerId, NewCompetitorContract contract) {
        Assert.notNull(customerId, "customerId");
        Assert.notNull(contract, "contract");
        contract.check();
        List<org.crm4j.ValidationException.Violation> broken = StoredValues.violations(contract);
        if (!broken.isEmpty()) {
            throw new org.crm4j.ValidationException(broken);
        }
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            CustomerService.changeableCustomer(tx, visibility(), actor, customerId.value(),
                    "record competitors' contracts of");
            CompetitorContract added = tx.store(CompetitorContractStore.class).insert(customerId.value(), contract.supplier(),
                    contract.product(), contract.endsOn(), contract.note(), actor.id(), now);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.COMPETITOR_CONTRACT_ADDED, "competitor-contract",
                    added.id().value(), customerId.value(), now, data(added))));
            return added;
        });
    }

    List<CompetitorContract> of(CustomerId customerId) {
        Assert.notNull(customerId, "customerId");
        return rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, customerId.value(),
                    "see competitors' contracts of");
            return tx.store(CompetitorContractStore.class).ofCustomer(customerId.value(), visibility());
        });
    }

    void remove(CompetitorContractId id) {
        Assert.notNull(id, "id");
        Instant now = rt.now();
        rt.store().inTransaction(tx -> {
            CompetitorContract contract = tx.store(CompetitorContractStore.class).find(id.value(), visibility())
                    .orElseThrow(() -> tx.store(CompetitorContractStore.class).exists(id.value())
                            ? new AccessDeniedException(actor.id(), "remove competitor's contract " + id)
                            : new NotFoundException("competitor contract", id.value()));
            CustomerService.changeableCustomer(tx, visibility(), actor, contract.customerId().value(),
                    "remove competitors' contracts of");
            tx.store(CompetitorContractStore.class).delete(id.value());
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.COMPETITOR_CONTRACT_REMOVED, "competitor-contract",
                    id.value(), contract.customerId().value(), now, data(contract))));
            return null;
        });
    }

    private static Map<String, String> data(CompetitorContract c) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("supplier", c.supplier());
        if (c.product() != null) {
            data.put("product", c.product());
        }
        data.put("endsOn", c.endsOn().toString());
        return data;
    }
}
