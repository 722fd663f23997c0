package org.crm4j.persistence.memory;

import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;

/**
 * What every feature store of a {@link MemoryTx} shares: the state it reads, the need-to-know
 * rule it asks, and the transaction's undoable writes.
 */
abstract class MemoryFeatureStore {
    final MemoryTx tx;
    final MemoryData data;
    final MemoryNeedToKnow needToKnow;

    MemoryFeatureStore(MemoryTx tx) {
        this.tx = tx;
        this.data = tx.data();
        this.needToKnow = tx.needToKnow();
    }

    final void checkWritable() {
        tx.checkWritable();
    }

    final <K, V> void put(Map<K, V> map, K key, V value) {
        tx.put(map, key, value);
    }

    final <K, V> void remove(Map<K, V> map, K key) {
        tx.remove(map, key);
    }

    final long newId() {
        return tx.newId();
    }

    final <R> R replaceVersioned(Map<Long, R> map, long id, long readVersion, ToLongFunction<R> version,
            String what, LongFunction<R> atVersion) {
        return tx.replaceVersioned(map, id, readVersion, version, what, atVersion);
    }
}
