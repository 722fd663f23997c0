package org.crm4j.persistence.contract;

import org.crm4j.tck.MailingContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link MailingContract} on the JPA adapter on PostgreSQL. */
class PostgresMailingIT extends MailingContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
