package org.crm4j.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.crm4j.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.crm4j.customer.store.ContactRecord;

class ContactPersonTest {
    private static final Instant NOW = Instant.parse("2025-04-01T08:00:00Z");

    @ParameterizedTest
    @CsvSource({
        "cfo,           CFO",
        "' CFO ',       CFO",
        "it manager,    IT_MANAGER",
        "It_Manager,    IT_MANAGER",
        "Purchasing,    PURCHASING",
    })
    void normalisesRoleToUpperCaseWithUnderscores(String role, String expected) {
        assertThat(ContactPerson.normalizeRole(role)).isEqualTo(expected);
    }

    @Test
    void normalizeRoleKeepsNull() {
        assertThat(ContactPerson.normalizeRole(null)).isNull();
    }

    @Test
    void newContactNormalisesItsRoles() {
        ContactRecord record = NewContact.named(" Eva Novak ").jobTitle(" Finance Director ")
                .roles("cfo", "decision maker").primary().toRecord(42, NOW);

        assertThat(record.name()).isEqualTo("Eva Novak");
        assertThat(record.jobTitle()).isEqualTo("Finance Director");
        assertThat(record.roles()).containsExactlyInAnyOrder(RoleCodes.CFO, RoleCodes.DECISION_MAKER);
        assertThat(record.primary()).isTrue();
        assertThat(record.customerId()).isEqualTo(42);
        assertThat(record.id()).isZero();
    }

    @Test
    void newContactRefusesAMissingChannel() {
        assertThatThrownBy(() -> NewContact.named("Eva Novak").channel(null))
                .isInstanceOf(org.crm4j.ValidationException.class).hasMessageContaining("channel");
    }

    @Test
    void rolesAreAddedRemovedAndTestedInAnyCase() {
        ContactPerson eva = ContactPerson.fromRecord(NewContact.named("Eva Novak").toRecord(42, NOW));

        eva.addRole("it manager").addRole("cfo");

        assertThat(eva.roles()).containsExactly("IT_MANAGER", "CFO");
        assertThat(eva.hasRole("Cfo")).isTrue();
        assertThat(eva.hasRole(" it manager ")).isTrue();

        eva.removeRole("It Manager");

        assertThat(eva.roles()).containsExactly("CFO");
        assertThat(eva.hasRole(RoleCodes.IT_MANAGER)).isFalse();
    }

    @Test
    void contactRoundTripsThroughItsRecord() {
        ContactRecord draft = NewContact.named("Eva Novak").roles(RoleCodes.CFO)
                .channel(ContactChannel.phone("+49 30 123456")).toRecord(42, NOW);
        ContactRecord stored = draft.withIdentity(7, 1);

        ContactPerson eva = ContactPerson.fromRecord(stored);

        assertThat(eva.id()).isEqualTo(ContactId.of(7));
        assertThat(eva.customerId()).isEqualTo(CustomerId.of(42));
        assertThat(eva.toRecord()).isEqualTo(stored);
    }

    @Test
    void channelsAreListedByType() {
        ContactPerson eva = ContactPerson.fromRecord(NewContact.named("Eva Novak").toRecord(42, NOW))
                .addChannel(ContactChannel.email("eva@acme.example"))
                .addChannel(ContactChannel.phone("+49 30 123456"))
                .addChannel(ContactChannel.email("eva.novak@private.example"));

        assertThat(eva.channels(ChannelType.EMAIL)).extracting(ContactChannel::value)
                .containsExactly("eva@acme.example", "eva.novak@private.example");
        assertThat(eva.channels(ChannelType.WEB)).isEmpty();
        assertThatThrownBy(() -> eva.addChannel(null)).isInstanceOf(ValidationException.class);
    }
}
