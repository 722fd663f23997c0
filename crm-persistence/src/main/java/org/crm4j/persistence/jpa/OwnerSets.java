package org.crm4j.persistence.jpa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.PostgreSQLDialect;

/**
 * Long owner sets of need-to-know (R28), kept in the database ({@code crm_owner_set}, V17) so that a
 * query names one set id instead of thousands of owner ids. A set is stored under the SHA-256 of its
 * sorted members and never changes, so it is written at most once and any node may write it: the
 * members first, then the head, in the asking transaction, each insert skipping rows that exist
 * (two nodes racing write the same rows). The ids of the sets seen committed are remembered for
 * {@link #RECHECK}, so a set is checked about once an hour per store, not per query.
 *
 * <p>Upkeep (V21): a check marks the set used when its mark is older than {@link #MARK}; a node
 * that writes a new set (a line changed, leaving its old set behind) deletes the sets unmarked for
 * {@link #UNUSED}. A set any node remembers was marked at most {@code MARK + RECHECK} ago, far
 * within {@code UNUSED}, so no set in use is deleted; a check that meets a set deleted meanwhile
 * finds no head and writes it again.
 */
final class OwnerSets {
    /** The most owners a query is given as parameters; above, a stored set. */
    static final int LONGEST_LIST = InList.MAX;
    private static final int BATCH = 1000;
    /** Sets seen committed in this store's database; cleared past this many. */
    private static final int REMEMBERED = 10_000;
    /** How long a set seen committed is used without looking at the database again. */
    static final Duration RECHECK = Duration.ofHours(1);
    /** How old a set's use mark may grow before a check renews it. */
    static final Duration MARK = Duration.ofDays(1);
    /** How long a set is kept unused before a node writing another set deletes it. */
    static final Duration UNUSED = Duration.ofDays(7);

    private final Clock clock;
    /** The sets seen committed, with when. */
    private final Map<String, Instant> committed = new ConcurrentHashMap<>();

    /** @param clock the store's clock, for the use marks */
    OwnerSets(Clock clock) {
        this.clock = clock;
    }
    /**
     * The last set asked and its id. The access policy hands out the same set object for an actor
     * until its cache expires, so the director's every query finds it here instead of sorting and
     * hashing 40,000 ids (about 10 ms and 2.8 MB a query on crm-benchmarks' {@code head}).
     */
    private volatile Named last;

    private record Named(Collection<String> owners, String id) {
    }

    /**
     * @param owners an owner set
     * @return its id: the SHA-256 of its sorted members, in hexadecimal
     */
    static String idOf(Collection<String> owners) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String owner : new TreeSet<>(owners)) {
                digest.update(owner.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /**
     * Makes sure the set is stored, writing it in the transaction when it is not.
     *
     * @param tx the asking transaction
     * @param owners the set
     * @return its id
     */
    String ensure(JpaTransaction tx, Collection<String> owners) {
        Named named = last;
        String id;
        if (named != null && named.owners() == owners) {
            id = named.id();
        } else {
            id = idOf(owners);
            last = new Named(owners, id);
        }
        Instant now = clock.instant();
        Instant seen = committed.get(id);
        if (seen != null && seen.isAfter(now.minus(RECHECK))) {
            return id;
        }
        Dialect dialect = JpaTransaction.dialectOf(tx.session());
        try {
            tx.session().doWork(connection -> {
                if (mark(connection, id, now) || headExists(connection, id)) {
                    if (committed.size() >= REMEMBERED) {
                        committed.clear();
                    }
                    committed.put(id, now);
                    return;
                }
                write(connection, dialect, id, List.copyOf(new TreeSet<>(owners)), now);
                forgetUnused(connection, now.minus(UNUSED));
            });
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
        return id;
    }

    /** Renews the set's use mark when it is older than {@link #MARK}; true when it did. */
    private static boolean mark(Connection connection, String id, Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("update crm_owner_set_head set last_used_at = ?"
                + " where set_id = ? and last_used_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, id);
            ps.setTimestamp(3, Timestamp.from(now.minus(MARK)));
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Deletes the sets unmarked since the cutoff, a hundred at most at once: their heads are
     * locked first, so a node marking one at the same moment waits and then finds it gone (and
     * writes it again), or marks it first and keeps it.
     */
    private static void forgetUnused(Connection connection, Instant cutoff) throws SQLException {
        List<String> unused = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("select set_id from crm_owner_set_head"
                + " where last_used_at < ? order by last_used_at fetch first 100 rows only for update")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unused.add(rs.getString(1));
                }
            }
        }
        if (unused.isEmpty()) {
            return;
        }
        try (PreparedStatement members = connection.prepareStatement("delete from crm_owner_set where set_id = ?");
                PreparedStatement heads = connection.prepareStatement("delete from crm_owner_set_head where set_id = ?")) {
            for (String id : unused) {
                members.setString(1, id);
                members.addBatch();
                heads.setString(1, id);
                heads.addBatch();
            }
            members.executeBatch();
            heads.executeBatch();
        }
    }

    private static boolean headExists(Connection connection, String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select 1 from crm_owner_set_head where set_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void write(Connection connection, Dialect dialect, String id, List<String> owners, Instant now)
            throws SQLException {
        String members;
        String head;
        if (dialect instanceof PostgreSQLDialect) {
            members = "insert into crm_owner_set (set_id, owner_id) values (?, ?) on conflict do nothing";
            head = "insert into crm_owner_set_head (set_id, members, created_at, last_used_at) values (?, ?, ?, ?)"
                    + " on conflict do nothing";
        } else if (dialect instanceof H2Dialect) {
            members = "merge into crm_owner_set (set_id, owner_id) key (set_id, owner_id) values (?, ?)";
            head = "merge into crm_owner_set_head (set_id, members, created_at, last_used_at) key (set_id)"
                    + " values (?, ?, ?, ?)";
        } else {
            // another database: plain inserts; two nodes writing one new set at the same moment
            // may then see a unique-key conflict, and the read is tried again by the caller
            members = "insert into crm_owner_set (set_id, owner_id) values (?, ?)";
            head = "insert into crm_owner_set_head (set_id, members, created_at, last_used_at) values (?, ?, ?, ?)";
        }
        try (PreparedStatement ps = connection.prepareStatement(members)) {
            int pending = 0;
            for (String owner : owners) {
                ps.setString(1, id);
                ps.setString(2, owner);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(head)) {
            ps.setString(1, id);
            ps.setInt(2, owners.size());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.executeUpdate();
        }
    }
}
