package org.crm4j.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.crm4j.CrmException;

/**
 * The stores of one transaction by their interface: what an adapter's {@link StoreTransaction}
 * hands out from {@link StoreTransaction#store(Class)}.
 */
public final class Stores {
    private final Map<Class<?>, Object> byType;

    private Stores(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param type a store interface
     * @param <S> its type
     * @return the store of that type
     * @throws CrmException when there is none
     */
    public <S> S get(Class<S> type) {
        Object store = byType.get(type);
        if (store == null) {
            throw new CrmException("This store adapter has no " + (type == null ? "null" : type.getSimpleName())
                    + "; it has " + byType.keySet().stream().map(Class::getSimpleName).sorted().toList());
        }
        return type.cast(store);
    }

    /** @return the store interfaces there are */
    public Set<Class<?>> types() {
        return byType.keySet();
    }

    /** Collects the stores. */
    public static final class Builder {
        private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param type a store interface
         * @param store its implementation
         * @param <S> the store type
         * @return this builder
         */
        public <S> Builder add(Class<S> type, S store) {
            byType.put(type, type.cast(store));
            return this;
        }

        /** @return the stores */
        public Stores build() {
            return new Stores(byType);
        }
    }
}
