package org.crm4j.persistence.frontdoor;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.crm4j.Crm;
import org.crm4j.access.Actor;
import org.crm4j.common.Money;
import org.crm4j.customer.Customer;
import org.crm4j.customer.NewCustomer;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.NewPipeline;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.Stage;
import org.crm4j.persistence.support.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * A host whose pool has one connection: a cache that misses inside a write transaction reads
 * through that transaction. Opening a second connection there waited for the pool's only one,
 * held by the transaction itself, until the pool gave up.
 */
class PoolOfOneIT {
    private static final Actor ADA = Actor.of("ada", Actor.ADMIN);

    private static HikariDataSource poolOfOne(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(3_000);
        return new HikariDataSource(config);
    }

    @Test
    void onH2_anOfferIsDraftedWithACachedPipelineMissedInsideItsTransaction() {
        String url = "jdbc:h2:mem:pool-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        try (HikariDataSource pool = poolOfOne(url, "sa", "")) {
            draftOnAColdNode(h2, pool);
        }
    }

    @Test
    void onPostgres_anOfferIsDraftedWithACachedPipelineMissedInsideItsTransaction() {
        HikariDataSource database = (HikariDataSource) PostgresServer.newDatabase();
        try (HikariDataSource pool = poolOfOne(database.getJdbcUrl(), database.getUsername(),
                database.getPassword() == null ? "" : database.getPassword())) {
            draftOnAColdNode(database, pool);
        } finally {
            database.close();
        }
    }

    /**
     * @param database the database, as a first node reaches it (which also makes the schema: the
     *     migrations take a lock on a connection of their own)
     * @param pool the same database through a pool of one connection, for a second node
     */
    private static void draftOnAColdNode(DataSource database, DataSource pool) {
        Opportunity deal;
        try (Crm first = Crm.builder().dataSource(database).discoverPlugins(false).build()) {
            Pipeline pipeline = first.as(ADA).pipelines().define(NewPipeline.named("New business", "EUR")
                    .stage(Stage.open("QUALIFY", "Qualify", 10)).stage(Stage.won("WON", "Won"))
                    .stage(Stage.lost("LOST", "Lost")));
            Customer acme = first.as(ADA).customers().create(NewCustomer.company("ACME"));
            deal = first.as(ADA).opportunities().open(NewOpportunity.on(acme.id(), "CNC units", pipeline.id())
                    .expectedClose(LocalDate.of(2030, 6, 30)).amount(Money.of("1000", "EUR")));
        }
        // a node that has not read the pipeline yet: drafting reads it inside its transaction
        try (Crm cold = Crm.builder().dataSource(pool).discoverPlugins(false).build()) {
            Offer offer = cold.as(ADA).offers().draft(deal.id(), NewOffer.validUntil(LocalDate.of(2030, 3, 31))
                    .line(OfferLine.of("CNC-40", "CNC unit", new java.math.BigDecimal("1"), Money.of("1000", "EUR"),
                            new java.math.BigDecimal("19"))));
            assertThat(offer.currency().getCurrencyCode()).isEqualTo("EUR");
        }
    }
}
