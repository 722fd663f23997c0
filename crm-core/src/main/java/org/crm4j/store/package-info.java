/**
 * What store-adapter authors implement: {@link org.crm4j.store.CrmStoreProvider} (found through
 * {@link java.util.ServiceLoader}), the {@link org.crm4j.store.CrmStore} it opens, and one store
 * interface per feature ({@link org.crm4j.store.CustomerStore},
 * {@link org.crm4j.store.OpportunityStore} ...) handed out by
 * {@link org.crm4j.store.StoreTransaction#store(Class)}. Every store method that takes a
 * {@link org.crm4j.store.Visibility} applies need-to-know (R28) in its query. The artifact
 * {@code org.crm4j:crm-store-tck} is the contract suite an adapter runs against itself.
 */
package org.crm4j.store;
