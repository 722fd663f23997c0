package org.crm4j.persistence.jpa;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.crm4j.CrmException;
import org.crm4j.store.CrmStore;
import org.crm4j.store.StoreTransaction;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JPA store: one session and one database transaction per piece of work. Failures are
 * translated here, at the boundary, into crm4j's exceptions (see
 * {@link PersistenceExceptionConverter}); crm4j's own exceptions thrown by the work pass through
 * unchanged, after the rollback.
 */
final class JpaStore implements CrmStore {
    private static final Logger LOG = LoggerFactory.getLogger(JpaStore.class);

    private final SessionFactory sessionFactory;
    /** The long owner sets of need-to-know known to be stored in this store's database. */
    private final OwnerSets ownerSets;
    private final String description;
    private final Runnable releaseDatabase;
    private volatile boolean closed;

    /**
     * @param sessionFactory Hibernate, bootstrapped on the migrated schema
     * @param description what the store is, for logs
     * @param releaseDatabase closes the embedded database, or does nothing for the host's
     * @param clock the store's clock
     */
    JpaStore(SessionFactory sessionFactory, String description, Runnable releaseDatabase, java.time.Clock clock) {
        this.sessionFactory = sessionFactory;
        this.ownerSets = new OwnerSets(clock);
        this.description = description;
        this.releaseDatabase = releaseDatabase;
    }

    @Override
    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        return run(work, false);
    }

    @Override
    public <T> T readOnly(Function<StoreTransaction, T> work) {
        return run(work, true);
    }

    /**
     * A session on the host's connection, in the host's transaction: flushed, never committed, rolled
     * back or closed here (Hibernate leaves a connection it was handed open). Hibernate begins no
     * transaction of its own on it, which is why the session factory allows writes outside one.
     */
    @Override
    public <T> T joining(Connection connection, Function<StoreTransaction, T> work) {
        if (closed) {
            throw new CrmException("The store is closed");
        }
        try {
            if (connection.isClosed()) {
                throw new CrmException("The host's connection is closed");
            }
            if (connection.getAutoCommit()) {
                throw new CrmException("The host's connection is in auto-commit mode: every statement would commit"
                        + " on its own; turn auto-commit off to start the transaction crm4j joins");
            }
        } catch (SQLException e) {
            throw new CrmException("The host's connection cannot be used: " + e.getMessage());
        }
        Session session;
        try {
            session = sessionFactory.withOptions().connection(connection).openSession();
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
        try {
            JpaTransaction tx = new JpaTransaction(session, true, ownerSets);
            T result = work.apply(tx);
            session.flush();
            tx.stampCommit();
            return result;
        } catch (Error e) {
            throw e;
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        } finally {
            close(session);
        }
    }

    private <T> T run(Function<StoreTransaction, T> work, boolean readOnly) {
        if (closed) {
            throw new CrmException("The store is closed");
        }
        Session session;
        try {
            session = sessionFactory.openSession();
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
        Transaction transaction = null;
        try {
            if (readOnly) {
                session.setDefaultReadOnly(true);
                session.setHibernateFlushMode(FlushMode.MANUAL);
            }
            transaction = session.beginTransaction();
            JpaTransaction tx = new JpaTransaction(session, !readOnly, ownerSets);
            T result = work.apply(tx);
            if (!readOnly) {
                session.flush();
                tx.stampCommit();
            }
            transaction.commit();
            return result;
        } catch (RuntimeException | Error e) {
            rollback(transaction, e);
            if (e instanceof Error error) {
                throw error;
            }
            throw PersistenceExceptionConverter.translate(e);
        } finally {
            close(session);
        }
    }

    /**
     * Rolls back after a failure. A rollback that fails too (the connection is gone: the database
     * rolls the transaction back itself) is logged, not attached to the failure: a crm4j exception
     * passes to the caller as it is, and must not carry Hibernate's or the driver's exceptions
     * (their text holds SQL and bound values), not even as suppressed ones.
     */
    private static void rollback(Transaction transaction, Throwable cause) {
        if (transaction == null) {
            return;
        }
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException e) {
            LOG.debug("CRM-JPA-021 The rollback after {} failed too", cause.getClass().getName(), e);
        }
    }

    private static void close(Session session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            LOG.warn("CRM-JPA-002 Closing a session failed: {}", e.toString());
        }
    }

    @Override
    public java.util.Set<Class<?>> stores() {
        return new JpaTransaction(null, false, ownerSets).storeSet().types();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            sessionFactory.close();
        } finally {
            releaseDatabase.run();
        }
    }
}
