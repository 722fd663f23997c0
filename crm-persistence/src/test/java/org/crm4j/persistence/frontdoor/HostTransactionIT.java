package org.crm4j.persistence.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.crm4j.Crm;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.persistence.support.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * An ERP writes its own order and crm4j's customer in one transaction of its own, on its own
 * connection: both commit or neither does, and crm4j's events are delivered only after the commit.
 * crm4j never commits, rolls back or closes the host's connection.
 */
class HostTransactionIT {
    private static final Actor SAM = Actor.of("sam");

    @Test
    void onH2_theHostsRollbackUndoesBoth_andItsCommitKeepsBothAndDeliversTheEvents() throws SQLException {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        oneUnitOfWork(h2);
    }

    @Test
    void onPostgres_theHostsRollbackUndoesBoth_andItsCommitKeepsBothAndDeliversTheEvents() throws Exception {
        DataSource database = PostgresServer.newDatabase();
        try {
            oneUnitOfWork(database);
        } finally {
            ((AutoCloseable) database).close();
        }
    }

    private static void oneUnitOfWork(DataSource database) throws SQLException {
        List<DomainEvent> delivered = new ArrayList<>();
        try (Crm crm = Crm.builder().dataSource(database).discoverPlugins(false)
                .listener("erp-feed", e -> delivered.add(e)).build();
                Connection c = database.getConnection()) {
            try (Statement ddl = c.createStatement()) {
                ddl.execute("create table erp_order (no varchar(20) primary key, customer varchar(200) not null)");
            }
            c.setAutoCommit(false);

            // rolled back: neither the ERP's order nor crm4j's customer remains, no event is delivered
            placeOrder(c, "SO-1", "ACME");
            Customer acme = crm.inHostTransaction(c, () -> crm.as(SAM).customers().create(NewCustomer.company("ACME")));
            // inside the transaction, crm4j reads its own change through the host's connection
            assertThat(crm.inHostTransaction(c, () -> crm.as(SAM).customers().get(acme.id()).name())).isEqualTo("ACME");
            c.rollback();
            assertThat(orders(c)).isEmpty();
            assertThat(customersNamed(crm, "acme")).isEmpty();
            assertThat(crm.deliverEvents().delivered()).isZero();
            assertThat(delivered).isEmpty();
            assertThat(c.isClosed()).isFalse();

            // committed: both remain, and the events are delivered after the commit, not before
            placeOrder(c, "SO-2", "Globex");
            crm.inHostTransaction(c, () -> {
                Customer globex = crm.as(SAM).customers().create(NewCustomer.company("Globex"));
                crm.as(SAM).customers().addNote(globex.id(), "ordered SO-2");
            });
            assertThat(crm.deliverEvents().delivered()).isZero();
            c.commit();
            assertThat(orders(c)).containsExactly("SO-2");
            assertThat(customersNamed(crm, "globex")).containsExactly("Globex");
            crm.deliverEvents();
            assertThat(delivered).extracting(DomainEvent::type).containsExactly("customer.created", "note.added");

            // crm4j's refusal reaches the host, who decides; the connection stays the host's
            placeOrder(c, "SO-3", "");
            assertThatThrownBy(() -> crm.inHostTransaction(c, () -> crm.as(SAM).customers()
                    .create(NewCustomer.company(" ")))).isInstanceOf(ValidationException.class);
            c.rollback();
            assertThat(orders(c)).containsExactly("SO-2");

            // a connection that commits every statement on its own cannot carry one unit of work
            c.setAutoCommit(true);
            assertThatThrownBy(() -> crm.inHostTransaction(c, () -> crm.as(SAM).customers()
                    .create(NewCustomer.company("Initech")))).isInstanceOf(CrmException.class)
                    .hasMessageContaining("auto-commit");
            assertThat(customersNamed(crm, "initech")).isEmpty();
        }
    }

    @Test
    void theInMemoryStoreCannotJoinAHostsTransaction() throws SQLException {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL("jdbc:h2:mem:other-" + UUID.randomUUID());
        try (Crm crm = Crm.builder().store("memory").discoverPlugins(false).build();
                Connection c = h2.getConnection()) {
            c.setAutoCommit(false);
            assertThatThrownBy(() -> crm.inHostTransaction(c, () -> crm.as(SAM).customers()
                    .create(NewCustomer.company("ACME")))).isInstanceOf(CrmException.class)
                    .hasMessageContaining("cannot join");
        }
    }

    private static void placeOrder(Connection c, String no, String customer) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into erp_order (no, customer) values (?, ?)")) {
            insert.setString(1, no);
            insert.setString(2, customer);
            insert.executeUpdate();
        }
    }

    private static List<String> orders(Connection c) throws SQLException {
        List<String> numbers = new ArrayList<>();
        try (Statement select = c.createStatement(); ResultSet rs = select.executeQuery("select no from erp_order")) {
            while (rs.next()) {
                numbers.add(rs.getString(1));
            }
        }
        return numbers;
    }

    private static List<String> customersNamed(Crm crm, String name) {
        return crm.as(SAM).customers().search(CustomerQuery.where(Criteria.nameStartsWith(name))).items().stream()
                .map(s -> s.name()).toList();
    }
}
