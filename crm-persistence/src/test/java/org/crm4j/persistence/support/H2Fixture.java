package org.crm4j.persistence.support;

import org.crm4j.tck.CountingDataSource;
import org.crm4j.tck.StoreFixture;
import java.util.UUID;
import org.crm4j.Crm;
import org.h2.jdbcx.JdbcDataSource;

/** The JPA adapter on an H2 database in memory, handed over as the host's data source. */
public final class H2Fixture implements StoreFixture {
    private CountingDataSource counter;

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public Crm.Builder freshStore(Crm.Builder builder) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:crm-it-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        counter = new CountingDataSource(h2);
        return builder.store("jpa").dataSource(counter.dataSource());
    }

    @Override
    public CountingDataSource counter() {
        return counter;
    }

    @Override
    public Crm.Builder sameStore(Crm.Builder builder) {
        return builder.store("jpa").dataSource(counter.dataSource());
    }

    @Override
    public org.crm4j.store.CrmStore openBeside(java.time.Clock clock) {
        return new org.crm4j.persistence.jpa.JpaStoreProvider().open(new org.crm4j.store.StoreContext(
                counter().dataSource(), null, java.util.Map.of(), clock));
    }
}
