package org.crm4j.persistence.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.access.InMemoryUserDirectory;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.NewCustomer;
import org.crm4j.persistence.support.PostgresServer;
import org.crm4j.tck.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * The stored owner sets of long lines (more than 1,024 people) are kept while in use and forgotten
 * when nobody has used them for seven days: a line that changes no longer leaves its old set in the
 * database for good. A set forgotten while a node still knew it is written again on that node's
 * next check, so the director's answers never change.
 */
class OwnerSetUpkeepIT {
    private static final Actor ADA = Actor.of("ada", Actor.ADMIN);
    private static final Actor VICE = Actor.of("vice");
    private static final Actor BOSS = Actor.of("boss");

    @Test
    void onH2() throws SQLException {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:sets-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        upkeep(h2);
    }

    @Test
    void onPostgres() throws Exception {
        DataSource database = PostgresServer.newDatabase();
        try {
            upkeep(database);
        } finally {
            ((AutoCloseable) database).close();
        }
    }

    private static void upkeep(DataSource database) throws SQLException {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
        InMemoryUserDirectory directory = new InMemoryUserDirectory().add("ada", null, Actor.ADMIN)
                .add("vice", null).add("boss", null);
        for (int i = 0; i < 1_100; i++) {
            directory.add(String.format("v%04d", i), "vice");
            directory.add(String.format("b%04d", i), "boss");
        }
        try (Crm crm = Crm.builder().dataSource(database).userDirectory(directory).clock(clock)
                .discoverPlugins(false).build()) {
            crm.as(ADA).customers().create(NewCustomer.company("Vice Co").owner("v1099"));
            crm.as(ADA).customers().create(NewCustomer.company("Boss Co").owner("b0000"));

            assertThat(openable(crm, VICE)).containsExactly("Vice Co");
            assertThat(heads(database)).as("vice's line, stored on first use").isEqualTo(1);

            // the line changes: a new set; the old one was just used, so it stays
            directory.add("v1100", "vice");
            crm.userDirectoryChanged();
            assertThat(openable(crm, VICE)).containsExactly("Vice Co");
            assertThat(heads(database)).isEqualTo(2);

            // two days on, vice reads again: the node checks its set again and marks it used
            clock.advance(Duration.ofDays(2));
            assertThat(openable(crm, VICE)).containsExactly("Vice Co");

            // six more days: boss's first read writes boss's set and forgets vice's first set (unused
            // for eight days); vice's current set was marked six days ago and stays
            clock.advance(Duration.ofDays(6));
            assertThat(openable(crm, BOSS)).containsExactly("Boss Co");
            assertThat(heads(database)).as("vice's current set and boss's").isEqualTo(2);
            assertThat(members(database)).as("each line counts its head too").isEqualTo(1_102 + 1_101);

            // eight days without vice: boss's line changes, and vice's set goes too
            clock.advance(Duration.ofDays(8));
            directory.add("b1100", "boss");
            crm.userDirectoryChanged();
            assertThat(openable(crm, BOSS)).containsExactly("Boss Co");
            assertThat(heads(database)).as("boss's new set only").isEqualTo(1);
            assertThat(members(database)).isEqualTo(1_102);

            // vice comes back: the node finds no set and writes it again; the answer is the same
            assertThat(openable(crm, VICE)).containsExactly("Vice Co");
            assertThat(heads(database)).isEqualTo(2);
            assertThat(crm.as(VICE).customers().search(CustomerQuery.builder().build()).items())
                    .extracting(c -> c.name()).contains("Vice Co", "Boss Co");
        }
    }

    private static List<String> openable(Crm crm, Actor actor) {
        return crm.as(actor).customers().search(CustomerQuery.builder().onlyOpenable().build()).items().stream()
                .map(c -> c.name()).toList();
    }

    private static int heads(DataSource database) throws SQLException {
        return count(database, "select count(*) from crm_owner_set_head");
    }

    private static int members(DataSource database) throws SQLException {
        return count(database, "select count(*) from crm_owner_set");
    }

    private static int count(DataSource database, String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
