package org.crm4j.persistence.jpa;

import org.crm4j.store.OpportunityStore;
import org.crm4j.store.CustomerStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.crm4j.tck.CountingDataSource;
import org.crm4j.persistence.support.PostgresServer;
import org.crm4j.store.CrmStore;
import org.crm4j.store.ForecastGrouping;
import org.crm4j.store.ForecastPeriod;
import org.crm4j.store.ForecastSelection;
import org.crm4j.store.StoreContext;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The aggregate reports are planned by PostgreSQL for their values, not with the generic plan it
 * keeps for a statement the driver has prepared on the server; only for the report's transaction.
 */
class PostgresPlanModeIT {
    private static final ForecastSelection YEAR = new ForecastSelection(ForecastPeriod.MONTH,
            LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), Set.of(), ForecastGrouping.PIPELINE);
    private static Connection connection;
    private static CountingDataSource counter;
    private static CrmStore store;

    /** Every transaction on the same server connection, as a pool would hand it out again. */
    @BeforeAll
    static void open() throws SQLException {
        connection = PostgresServer.newDatabase().getConnection();
        Connection kept = (Connection) Proxy.newProxyInstance(PostgresPlanModeIT.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        DataSource one = (DataSource) Proxy.newProxyInstance(PostgresPlanModeIT.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        counter = new CountingDataSource(one);
        store = new JpaStoreProvider().open(new StoreContext(counter.dataSource(), null, Map.of(),
                Clock.systemUTC()));
    }

    @AfterAll
    static void close() throws SQLException {
        store.close();
        connection.close();
    }

    @Test
    void theCashFlowForecast_isPlannedForItsValues() {
        String mode = store.readOnly(tx -> {
            tx.store(OpportunityStore.class).cashFlow(YEAR, Visibility.ownedBy(Set.of("sam", "pia")));
            return planMode(tx);
        });

        assertThat(mode).isEqualTo("force_custom_plan");
    }

    @Test
    void thePipelineView_isPlannedForItsValues() {
        String mode = store.readOnly(tx -> {
            tx.store(OpportunityStore.class).stageTotals(1L, Visibility.everything());
            return planMode(tx);
        });

        assertThat(mode).isEqualTo("force_custom_plan");
    }

    @Test
    void aTransactionWithSeveralAggregates_setsThePlanModeOnce() {
        counter.reset();

        store.readOnly(tx -> {
            tx.store(OpportunityStore.class).cashFlow(YEAR, Visibility.everything());
            tx.store(OpportunityStore.class).stageTotals(1L, Visibility.everything());
            return null;
        });

        assertThat(counter.settings()).isEqualTo(1);
        assertThat(counter.statements()).isEqualTo(2);
    }

    @Test
    void theNextTransaction_plansAsTheServerIsConfigured() {
        store.readOnly(tx -> tx.store(OpportunityStore.class).cashFlow(YEAR, Visibility.everything()));

        String mode = store.readOnly(PostgresPlanModeIT::planMode);

        assertThat(mode).isEqualTo("auto");
    }

    @Test
    void otherReads_areLeftToTheServersPlanCache() {
        String mode = store.readOnly(tx -> {
            tx.store(CustomerStore.class).find(1L, Visibility.everything());
            return planMode(tx);
        });

        assertThat(mode).isEqualTo("auto");
    }

    private static String planMode(StoreTransaction tx) {
        return ((JpaTransaction) tx).session().createNativeQuery("select current_setting('plan_cache_mode')",
                String.class).getSingleResult();
    }
}
