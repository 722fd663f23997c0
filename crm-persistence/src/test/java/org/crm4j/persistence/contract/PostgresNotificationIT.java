package org.crm4j.persistence.contract;

import org.crm4j.tck.NotificationContract;
import org.crm4j.persistence.support.PostgresFixture;
import org.crm4j.tck.StoreFixture;

/** {@link NotificationContract} on the JPA adapter on PostgreSQL. */
class PostgresNotificationIT extends NotificationContract {
    private static final StoreFixture FIXTURE = new PostgresFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
