package org.crm4j.internal;

import java.util.Set;
import java.util.function.Function;
import org.crm4j.store.CrmStore;
import org.crm4j.store.StoreTransaction;

/**
 * The store as crm4j's services use it, remembering on each thread the transaction it is in, so
 * that a cache that misses inside a transaction reads through it instead of opening a second
 * connection (with a host's pool of one connection, that second connection never comes); and the
 * host's transaction a thread's work joins ({@link #joining}).
 */
public final class CurrentTransaction implements CrmStore {
    /** The transaction of this thread, or null. */
    private static final ThreadLocal<Open> CURRENT = new ThreadLocal<>();
    /** The host's connection whose transaction this thread's work joins, or null. */
    private static final ThreadLocal<java.sql.Connection> JOINED = new ThreadLocal<>();

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

    /** @return whether this thread's work joins a host's transaction (see {@link #joining}) */
    public static boolean joined() {
        return JOINED.get() != null;
    }

    /**
     * Runs the host's work so that every piece of crm4j's work on this thread inside it runs in the
     * host's transaction on the given connection ({@link CrmStore#joining}).
     *
     * @param connection the host's connection, auto-commit off
     * @param work the host's work, calling crm4j
     * @param <T> its result
     * @return its result
     */
    public static <T> T joining(java.sql.Connection connection, java.util.function.Supplier<T> work) {
        java.sql.Connection outer = JOINED.get();
        if (outer != null && outer != connection) {
            throw new org.crm4j.CrmException("This thread already works in a host's transaction on another connection");
        }
        if (CURRENT.get() != null) {
            throw new org.crm4j.CrmException("A host's transaction cannot be joined from inside crm4j's own work");
        }
        JOINED.set(connection);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                JOINED.remove();
            }
        }
    }

    /*
     * Inside a host's transaction, reading work joins it too, and counts as writing: what it reads
     * may be the host's or crm4j's change that the host has not committed yet, which no cache may keep.
     */
    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        java.sql.Connection host = JOINED.get();
        if (host != null) {
            return store.joining(host, tx -> within(new Open(tx, true), work));
        }
        return store.inTransaction(tx -> within(new Open(tx, true), work));
    }

    @Override
    public <T> T readOnly(Function<StoreTransaction, T> work) {
        java.sql.Connection host = JOINED.get();
        if (host != null) {
            return store.joining(host, tx -> within(new Open(tx, true), work));
        }
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
