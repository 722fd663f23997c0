package org.crm4j.persistence.contract;

import org.crm4j.tck.MailingContract;
import org.crm4j.persistence.support.MemoryFixture;
import org.crm4j.tck.StoreFixture;

/** {@link MailingContract} on the in-memory adapter. */
class MemoryMailingTest extends MailingContract {
    private static final StoreFixture FIXTURE = new MemoryFixture();

    @Override
    protected StoreFixture fixture() {
        return FIXTURE;
    }
}
