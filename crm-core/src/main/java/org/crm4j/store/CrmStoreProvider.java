package org.crm4j.store;

/**
 * Makes a {@link CrmStore}. Store adapters register an implementation under
 * {@code META-INF/services/org.crm4j.store.CrmStoreProvider}; {@code Crm.builder().build()} picks
 * the one with the highest {@link #priority()}, or the one named with {@code .store(id)}.
 */
public interface CrmStoreProvider {

    /** @return a short unique id, e.g. {@code jpa} or {@code memory} */
    String id();

    /** @return which provider wins when none is named: the highest */
    int priority();

    /**
     * Opens a store: connects, migrates the schema, and is ready for work.
     *
     * @param context what the host configured
     * @return the open store; the caller closes it
     */
    CrmStore open(StoreContext context);
}
