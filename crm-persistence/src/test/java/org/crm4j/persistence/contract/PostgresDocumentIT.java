package org.crm4j.persistence.contract;

import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.DocumentContract;
import org.crm4j.tck.StoreFixture;

/** {@link DocumentContract} on the JPA adapter on PostgreSQL. */
class PostgresDocumentIT extends DocumentContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
