package org.crm4j.store;

import java.util.function.Function;

/**
 * A store adapter: where crm4j keeps its records. Every piece of work runs in one transaction;
 * when the work throws, nothing of it remains.
 *
 * <p>Implementations translate the failures of their technology into crm4j's exceptions at this
 * boundary: a stale version or a broken unique rule into
 * {@link org.crm4j.ConflictException}, anything else into {@link org.crm4j.CrmException}.
 */
public interface CrmStore extends AutoCloseable {

    /**
     * Runs work in a read-write transaction and commits it.
     *
     * @param work the work
     * @param <T> its result
     * @return the work's result
     */
    <T> T inTransaction(Function<StoreTransaction, T> work);

    /**
     * Runs work that only reads.
     *
     * @param work the work
     * @param <T> its result
     * @return the work's result
     */
    <T> T readOnly(Function<StoreTransaction, T> work);

    /**
     * Runs work in the host's own transaction, on the JDBC connection the host hands in: the work's
     * writes (its domain events too) commit or roll back with the host's, which the host decides.
     * The store never commits, rolls back or closes that connection; when the work throws, its
     * exception reaches the host, who rolls back (on PostgreSQL a failed statement leaves the
     * transaction able to do nothing else).
     *
     * <p>A store that does not keep its records through JDBC cannot join; this default refuses.
     *
     * @param connection a connection of the database the store uses, with auto-commit off
     * @param work the work; it may read and write
     * @param <T> its result
     * @return the work's result
     * @throws org.crm4j.CrmException when this store cannot join a host's transaction
     */
    default <T> T joining(java.sql.Connection connection, Function<StoreTransaction, T> work) {
        throw new org.crm4j.CrmException("The store " + description() + " cannot join a host's JDBC transaction;"
                + " use a store on the host's database (Crm.builder().dataSource(...))");
    }

    /**
     * @return the store interfaces this adapter implements, each of which
     *     {@link StoreTransaction#store(Class)} hands out; {@code Crm.builder().build()} checks that
     *     every feature finds its store here
     */
    java.util.Set<Class<?>> stores();

    /** @return what this store is, for logs, e.g. {@code Hibernate ORM on H2} */
    String description();

    /** Releases everything the store holds. */
    @Override
    void close();
}
