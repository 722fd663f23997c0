package org.crm4j.persistence.contract;

import org.crm4j.tck.NotificationContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link NotificationContract} on the in-memory adapter. */
class MemoryNotificationTest extends NotificationContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
