package org.crm4j.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The baselines' plumbing: run a query, read every column of every row. */
final class Jdbc {
    private Jdbc() {
    }

    /**
     * @param c a connection
     * @param sql a query
     * @param args its parameters
     * @return the rows, each column read
     */
    static List<Object[]> query(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                int n = meta.getColumnCount();
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    Object[] row = new Object[n];
                    for (int i = 0; i < n; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    /**
     * Runs queries in one read-only transaction, as crm4j's reads do.
     *
     * @param ds the pool
     * @param work the queries
     * @return what they returned
     */
    static <T> T read(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                return work.run(c);
            } finally {
                c.rollback();
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queries on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * @param count how many
     * @return {@code ?, ?, ...}
     */
    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /**
     * @param c a connection
     * @return the parameter marker of the outbox's JSON payload given as text (PostgreSQL's
     *     {@code jsonb} takes a cast, H2's {@code json} {@code FORMAT JSON})
     */
    static String jsonParameter(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                ? "cast(? as jsonb)" : "? format json";
    }

    /**
     * The CloudEvents envelope crm4j writes to its outbox, written by hand as a baseline would.
     *
     * @param data keys and values, alternating
     * @return the JSON text
     */
    static String cloudEvent(java.util.UUID id, String type, String aggregateType, long aggregateId, long customerId,
            String actor, java.time.OffsetDateTime at, String... data) {
        StringBuilder s = new StringBuilder(256).append("{\"specversion\":\"1.0\",\"id\":\"").append(id)
                .append("\",\"source\":\"/crm4j\",\"type\":\"").append(type).append("\",\"subject\":\"")
                .append(aggregateType).append('/').append(aggregateId).append("\",\"time\":\"")
                .append(at.toInstant()).append("\",\"datacontenttype\":\"application/json\",\"crm4jaggregatetype\":\"")
                .append(aggregateType).append("\",\"crm4jaggregateid\":").append(aggregateId)
                .append(",\"crm4jcustomerid\":").append(customerId).append(",\"crm4jactorid\":");
        string(s, actor).append(",\"data\":{");
        for (int i = 0; i < data.length; i += 2) {
            string(i == 0 ? s : s.append(','), data[i]).append(':');
            string(s, data[i + 1]);
        }
        return s.append("}}").toString();
    }

    private static StringBuilder string(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        s.append(String.format("\\u%04x", (int) ch));
                    } else {
                        s.append(ch);
                    }
                }
            }
        }
        return s.append('"');
    }
}
