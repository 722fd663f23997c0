package org.crm4j.tck;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * Wraps a data source and counts the SQL statements prepared through it, and the plain statements
 * run through it; a {@code set} of a session setting is counted apart ({@link #settings}). It can
 * also inject faults: statements whose SQL matches a predicate fail as the database would
 * ({@link #failWhen}).
 */
public final class CountingDataSource {
    private final AtomicLong statements = new AtomicLong();
    private final AtomicLong settings = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final DataSource dataSource;
    private volatile Predicate<String> fault = sql -> false;
    /** Steps (statements prepared or run, commits) until the armed fault, or -1. */
    private final AtomicLong untilFault = new AtomicLong(-1);
    private final AtomicLong faultsInjected = new AtomicLong();

    public CountingDataSource(DataSource target) {
        this.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return countingConnection(connection);
                    }
                    return result;
                });
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public long statements() {
        return statements.get();
    }

    /** @return how many settings ({@code set ...}) were run since the last reset */
    public long settings() {
        return settings.get();
    }

    /** @return how many of the statements prepared since the last reset write (insert, update, delete, merge) */
    public long writes() {
        return writes.get();
    }

    /**
     * Makes every statement whose SQL matches fail with an {@link SQLException} when it is prepared
     * or run, until {@link #clearFaults()}.
     *
     * @param sql which statements fail, given their SQL in lower case
     */
    public void failWhen(Predicate<String> sql) {
        fault = sql;
    }

    /**
     * Makes the {@code n}-th step from now fail (a statement prepared or run, or a commit), as a
     * dropped connection does: the connection is aborted and the step throws an
     * {@link SQLException} of class 08.
     *
     * @param n 1 for the next step
     */
    public void failStep(long n) {
        untilFault.set(n);
    }

    /** @return how many faults {@link #failStep} injected since the data source was made */
    public long faultsInjected() {
        return faultsInjected.get();
    }

    /** Lets every statement run again. */
    public void clearFaults() {
        fault = sql -> false;
        untilFault.set(-1);
    }

    private void step(Connection target) throws SQLException {
        if (untilFault.get() > 0 && untilFault.decrementAndGet() == 0) {
            untilFault.set(-1);
            faultsInjected.incrementAndGet();
            try {
                target.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // the connection is gone either way
            }
            throw new SQLException("Injected fault: the connection dropped", "08006");
        }
    }

    private void check(Object sql) throws SQLException {
        if (sql != null && fault.test(String.valueOf(sql).toLowerCase(java.util.Locale.ROOT))) {
            throw new SQLException("Injected fault on: " + sql, "08006");
        }
    }

    public void reset() {
        statements.set(0);
        settings.set(0);
        writes.set(0);
    }

    private static boolean writes(Object sql) {
        String s = String.valueOf(sql).stripLeading().toLowerCase(java.util.Locale.ROOT);
        return s.startsWith("insert") || s.startsWith("update") || s.startsWith("delete") || s.startsWith("merge");
    }

    private Connection countingConnection(Connection target) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("prepareStatement") || name.equals("prepareCall") || name.equals("commit")) {
                step(target);
            }
            if (name.equals("prepareStatement") || name.equals("prepareCall")) {
                check(args == null || args.length == 0 ? null : args[0]);
                statements.incrementAndGet();
                if (args != null && args.length > 0 && writes(args[0])) {
                    writes.incrementAndGet();
                }
            } else if (name.equals("createStatement")) {
                step(target);
                return countingStatement((Statement) invoke(target, method, args));
            }
            return invoke(target, method, args);
        };
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    private Statement countingStatement(Statement target) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.startsWith("execute") && args != null && args.length > 0 && args[0] instanceof String sql) {
                check(sql);
                if (sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("set ")) {
                    settings.incrementAndGet();
                } else {
                    statements.incrementAndGet();
                    if (writes(sql)) {
                        writes.incrementAndGet();
                    }
                }
            } else if (name.equals("executeBatch")) {
                statements.incrementAndGet();
            }
            return invoke(target, method, args);
        };
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
