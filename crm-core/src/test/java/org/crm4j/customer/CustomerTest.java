package org.crm4j.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.junit.jupiter.api.Test;
import org.crm4j.customer.store.CustomerRecord;

class CustomerTest {

    @Test
    void isRebuiltFromItsRecord() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme());

        assertThat(acme.id()).isEqualTo(CustomerId.of(42));
        assertThat(acme.version()).isEqualTo(3);
        assertThat(acme.kind()).isEqualTo(CustomerKind.COMPANY);
        assertThat(acme.name()).isEqualTo("ACME GmbH");
        assertThat(acme.taxId()).contains("DE123456789");
        assertThat(acme.industry()).contains("Machinery");
        assertThat(acme.tags()).containsExactly("key-account");
        assertThat(acme.classification()).isEqualTo(Classification.of("A", "reseller"));
        assertThat(acme.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(acme.ownerId()).isEqualTo("sam");
        assertThat(acme.address()).contains(Address.of("Berlin", "DE"));
        assertThat(acme.externalRefs()).containsExactly(ExternalRef.of("SAP", "0000104711"));
        assertThat(acme.createdAt()).isEqualTo(CustomerFixture.CREATED);
        assertThat(acme.updatedAt()).isEqualTo(CustomerFixture.UPDATED);
    }

    @Test
    void toRecordRoundTripsTheStoredState() {
        CustomerRecord stored = CustomerFixture.acme();

        assertThat(Customer.fromRecord(stored).toRecord()).isEqualTo(stored);
    }

    @Test
    void unsavedCustomerHasNoIdAndRoundTripsWithIdZero() {
        CustomerRecord draft = CustomerFixture.bare("Jane Doe");
        Customer jane = Customer.fromRecord(draft);

        assertThat(jane.id()).isNull();
        assertThat(jane.taxId()).isEmpty();
        assertThat(jane.address()).isEmpty();
        assertThat(jane.classification()).isEqualTo(Classification.NONE);
        assertThat(jane.toRecord()).isEqualTo(draft);
    }

    @Test
    void toRecordCarriesTheChangesAndKeepsTheVersionItWasReadAt() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme())
                .rename(" ACME AG ")
                .changeIndustry("Robotics")
                .classify(Classification.of("B"))
                .moveTo(Address.of("Hamburg", "DE"))
                .addExternalRef(ExternalRef.of("DATEV", "10001"));

        CustomerRecord changed = acme.toRecord();

        assertThat(changed.name()).isEqualTo("ACME AG");
        assertThat(changed.industry()).isEqualTo("Robotics");
        assertThat(changed.rating()).isEqualTo("B");
        assertThat(changed.categories()).isEmpty();
        assertThat(changed.city()).isEqualTo("Hamburg");
        assertThat(changed.externalRefs()).containsExactlyInAnyOrder(ExternalRef.of("SAP", "0000104711"),
                ExternalRef.of("DATEV", "10001"));
        assertThat(changed.version()).isEqualTo(3);
        assertThat(changed.id()).isEqualTo(42);
    }

    @Test
    void archivesAnActiveCustomer() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).archive();

        assertThat(acme.isArchived()).isTrue();
        assertThat(acme.toRecord().status()).isEqualTo(CustomerStatus.ARCHIVED);
    }

    @Test
    void archivingTwiceIsRefused() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).archive();

        assertThatThrownBy(acme::archive)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("status")).isTrue())
                .hasMessageContaining("archived already");
    }

    @Test
    void reactivatesAnArchivedCustomer() {
        Customer acme = Customer.fromRecord(CustomerFixture.archivedAcme()).reactivate();

        assertThat(acme.isArchived()).isFalse();
        assertThat(acme.status()).isEqualTo(CustomerStatus.ACTIVE);
    }

    @Test
    void reactivatingAnActiveCustomerIsRefused() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme());

        assertThatThrownBy(acme::reactivate).isInstanceOf(ValidationException.class)
                .hasMessageContaining("active already");
    }

    @Test
    void tagsAreStrippedAndKeptOnce() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).tag(" vip ", "vip", "trade-fair-2025");

        assertThat(acme.tags()).containsExactly("key-account", "vip", "trade-fair-2025");
    }

    @Test
    void untagRemovesTags() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).tag("vip", "prospect");

        acme.untag("key-account", "prospect", "never-had-it");

        assertThat(acme.tags()).containsExactly("vip");
    }

    @Test
    void untagStripsLikeTag() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).tag(" vip ");

        acme.untag(" vip ");

        assertThat(acme.tags()).containsExactly("key-account");
    }

    @Test
    void tagsCannotBeChangedFromOutside() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme());

        assertThatThrownBy(() -> acme.tags().add("sneaky")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blankTagIsKeptForValidationToReport() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).tag("  ");

        assertThat(acme.tags()).contains("");
    }

    @Test
    void changeTaxIdNormalisesIt() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).changeTaxId("de 123.456-789");

        assertThat(acme.taxId()).contains("DE123456789");
    }

    @Test
    void changeTaxIdToBlankClearsIt() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).changeTaxId("  ");

        assertThat(acme.taxId()).isEmpty();
        assertThat(acme.toRecord().taxId()).isNull();
    }

    @Test
    void changeIndustryToBlankClearsIt() {
        assertThat(Customer.fromRecord(CustomerFixture.acme()).changeIndustry(" ").industry()).isEmpty();
    }

    @Test
    void assignOwnerHandsTheCustomerToAnotherUser() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).assignOwner(" mia ");

        assertThat(acme.ownerId()).isEqualTo("mia");
        assertThat(acme.toRecord().ownerId()).isEqualTo("mia");
    }

    @Test
    void classifyWithNullClearsTheClassification() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme()).classify(null);

        assertThat(acme.classification()).isEqualTo(Classification.NONE);
    }

    @Test
    void externalRefsCanBeRemovedButNotAddedAsNull() {
        Customer acme = Customer.fromRecord(CustomerFixture.acme());

        assertThatThrownBy(() -> acme.addExternalRef(null)).isInstanceOf(ValidationException.class);
        acme.removeExternalRef(ExternalRef.of("SAP", "0000104711"));

        assertThat(acme.externalRefs()).isEmpty();
    }

    @Test
    void fromRecordRejectsNull() {
        assertThatThrownBy(() -> Customer.fromRecord(null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("state")).isTrue());
    }

    @Test
    void changesDoNotLeakIntoTheRecordItWasBuiltFrom() {
        CustomerRecord stored = CustomerFixture.acme();

        Customer.fromRecord(stored).tag("vip").untag("key-account");

        assertThat(stored.tags()).containsExactly("key-account");
    }
}
