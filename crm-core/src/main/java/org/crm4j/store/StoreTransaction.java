package org.crm4j.store;

import org.crm4j.CrmException;

/**
 * The records reachable inside one transaction, by feature: each feature has a store interface
 * ({@link CustomerStore}, {@link OpportunityStore} ...), looked up by its type. A feature added later
 * adds its own store interface; an adapter that does not know it yet keeps compiling and says so
 * through {@link CrmStore#stores()}, and {@code Crm.builder().build()} refuses to start a CRM whose
 * features need a store the adapter lacks, naming both.
 */
public interface StoreTransaction {

    /**
     * @param type a feature's store interface, e.g. {@code OpportunityStore.class}
     * @param <S> the store type
     * @return this transaction's store of that type
     * @throws CrmException when the adapter has no such store (see {@link CrmStore#stores()})
     */
    <S> S store(Class<S> type);
}
