package org.crm4j.persistence.contract;

import org.crm4j.tck.DuplicateCheckContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link DuplicateCheckContract} on the JPA adapter on PostgreSQL. */
class PostgresDuplicateCheckIT extends DuplicateCheckContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
