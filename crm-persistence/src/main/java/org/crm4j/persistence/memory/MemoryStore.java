package org.crm4j.persistence.memory;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.crm4j.CrmException;
import org.crm4j.store.CrmStore;
import org.crm4j.store.StoreTransaction;

/**
 * Keeps every record in maps. Transactions are serialised by a read-write lock: one writer at a
 * time, readers in parallel; a writer's changes are undone when its work throws, so a failed
 * operation leaves nothing behind, as in a database. The maps are in {@link MemoryData}; a
 * {@link MemoryTx} hands out one store per feature, each asking {@link MemoryNeedToKnow} who
 * may see what.
 */
final class MemoryStore implements CrmStore {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final MemoryData data = new MemoryData();
    private final MemoryNeedToKnow needToKnow = new MemoryNeedToKnow(data);
    private volatile boolean closed;

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        checkOpen();
        lock.writeLock().lock();
        MemoryTx tx = new MemoryTx(data, needToKnow, true);
        try {
            return work.apply(tx);
        } catch (Throwable e) {
            // anything, an Error from a plugin included, undoes the transaction's changes
            tx.rollback();
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public <T> T readOnly(Function<StoreTransaction, T> work) {
        checkOpen();
        lock.readLock().lock();
        try {
            return work.apply(new MemoryTx(data, needToKnow, false));
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public java.util.Set<Class<?>> stores() {
        return new MemoryTx(data, needToKnow, false).storeSet().types();
    }

    @Override
    public String description() {
        return "in memory";
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new CrmException("The in-memory store is closed");
        }
    }
}
