package org.crm4j.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.junit.jupiter.api.Test;
import org.crm4j.customer.store.CustomerRecord;

class NewCustomerTest {
    private static final Instant NOW = Instant.parse("2025-04-01T08:00:00Z");

    @Test
    void ownerDefaultsToTheGivenUser() {
        CustomerRecord record = NewCustomer.company("ACME GmbH").toRecord("sam", NOW);

        assertThat(record.ownerId()).isEqualTo("sam");
    }

    @Test
    void explicitOwnerWins() {
        CustomerRecord record = NewCustomer.company("ACME GmbH").owner("mia").toRecord("sam", NOW);

        assertThat(record.ownerId()).isEqualTo("mia");
    }

    @Test
    void recordIsANewActiveCustomerStampedWithNow() {
        CustomerRecord record = NewCustomer.person(" Jane Doe ").toRecord("sam", NOW);

        assertThat(record.id()).isZero();
        assertThat(record.version()).isZero();
        assertThat(record.kind()).isEqualTo(CustomerKind.PERSON);
        assertThat(record.name()).isEqualTo("Jane Doe");
        assertThat(record.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(record.createdAt()).isEqualTo(NOW);
        assertThat(record.updatedAt()).isEqualTo(NOW);
        assertThat(record.taxId()).isNull();
        assertThat(record.rating()).isNull();
        assertThat(record.tags()).isEmpty();
        assertThat(record.externalRefs()).isEmpty();
    }

    @Test
    void carriesEveryDetailNormalised() {
        CustomerRecord record = NewCustomer.company("ACME GmbH")
                .taxId("de 123 456 789")
                .industry(" Machinery ")
                .tags(" key-account ", "vip")
                .classification(Classification.of("A", "reseller"))
                .address(Address.of("Berlin", "DE"))
                .externalRef(ExternalRef.of("SAP", "0000104711"))
                .toRecord("sam", NOW);

        assertThat(record.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(record.taxId()).isEqualTo("DE123456789");
        assertThat(record.industry()).isEqualTo("Machinery");
        assertThat(record.tags()).containsExactlyInAnyOrder("key-account", "vip");
        assertThat(record.rating()).isEqualTo("A");
        assertThat(record.categories()).containsExactly("reseller");
        assertThat(record.city()).isEqualTo("Berlin");
        assertThat(record.externalRefs()).containsExactly(ExternalRef.of("SAP", "0000104711"));
    }

    @Test
    void nullClassificationMeansNone() {
        CustomerRecord record = NewCustomer.company("ACME GmbH").classification(null).toRecord("sam", NOW);

        assertThat(record.rating()).isNull();
        assertThat(record.categories()).isEmpty();
    }

    @Test
    void becomesACustomerWithoutId() {
        Customer draft = Customer.fromRecord(NewCustomer.company("ACME GmbH").toRecord("sam", NOW));

        assertThat(draft.id()).isNull();
        assertThat(draft.ownerId()).isEqualTo("sam");
    }
}
