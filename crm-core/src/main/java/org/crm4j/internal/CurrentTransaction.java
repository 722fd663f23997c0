package org.crm4j.internal;

import java.util.Set;
import java.util.function.Function;
import org.crm4j.store.CrmStore;
import org.crm4j.store.StoreTransaction;

/**
 * The store as crm4j's services use it, remembering on each thread the transaction it is in, so
 * that a cache that misses inside a transaction reads through it instead of opening a second
 * connection (with a host's pool of one connection, that second connection never comes).
 */
public final class CurrentTransaction implements CrmStore {
    /** The transaction of this thread, or null. */
    private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();

    /**
     * @param tx a transaction
     * @param writing whether it may write (what it reads may then be its own uncommitted change)
     */
    public record Open(StoreTransaction tx, boolean writing) {
    }

    private final CrmStore store;

    CurrentTransaction(CrmStore store) {
        this.store = store;
    }

    /** @return the transaction this thread is in, or null */
    public static Open current() {
        return CURRENT.get();
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        return store.inTransaction(tx -> within(new Open(tx, true), work));
    }

    @Override
    public <T> T readOnly(Function<StoreTransaction, T> work) {
        return store.readOnly(tx -> within(new Open(tx, false), work));
    }

    private static <T> T within(Open open, Function<StoreTransaction, T> work) {
        Open outer = CURRENT.get();
        CURRENT.set(open);
        try {
            return work.apply(open.tx());
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    @Override
    public Set<Class<?>> stores() {
        return store.stores();
    }

    @Override
    public String description() {
        return store.description();
    }

    @Override
    public void close() {
        store.close();
    }
}
