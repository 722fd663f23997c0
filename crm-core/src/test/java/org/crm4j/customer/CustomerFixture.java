package org.crm4j.customer;

import java.time.Instant;
import java.util.Set;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.store.CustomerRecord;

/** Customers as a store would hand them back, for tests that need no database. */
final class CustomerFixture {
    static final Instant CREATED = Instant.parse("2025-03-01T09:00:00Z");
    static final Instant UPDATED = Instant.parse("2025-03-02T10:30:00Z");

    private CustomerFixture() {
    }

    /** ACME GmbH, id 42 at version 3, owned by sam, active, rated A, tagged key-account. */
    static CustomerRecord acme() {
        return new CustomerRecord(42, 3, CustomerKind.COMPANY, "ACME GmbH", "DE123456789", "Machinery",
                Set.of("key-account"), "A", Set.of("reseller"), CustomerStatus.ACTIVE, "sam",
                Address.of("Berlin", "DE"), Set.of(ExternalRef.of("SAP", "0000104711")), CREATED, UPDATED);
    }

    /** ACME GmbH, archived. */
    static CustomerRecord archivedAcme() {
        CustomerRecord r = acme();
        return new CustomerRecord(r.id(), r.version(), r.kind(), r.name(), r.taxId(), r.industry(), r.tags(),
                r.rating(), r.categories(), CustomerStatus.ARCHIVED, r.ownerId(), r.address(), r.externalRefs(),
                r.createdAt(), r.updatedAt());
    }

    /** A customer with only what a store requires: not yet saved (id 0), no optional parts. */
    static CustomerRecord bare(String name) {
        return new CustomerRecord(0, 0, CustomerKind.PERSON, name, null, null, Set.of(), null, Set.of(),
                CustomerStatus.ACTIVE, "sam", null, Set.of(), CREATED, CREATED);
    }
}
