package org.crm4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerKind;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.NewContact;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BeanValidationTest {
    private static final Instant NOW = Instant.parse("2025-04-01T08:00:00Z");
    private static BeanValidation validation;

    @BeforeAll
    static void start() {
        validation = new BeanValidation();
    }

    @AfterAll
    static void stop() {
        validation.close();
    }

    private static Customer customer(String name, String industry, Set<String> tags, String ownerId) {
        return Customer.fromRecord(new CustomerRecord(1, 0, CustomerKind.COMPANY, name, null, industry, tags, null,
                Set.of(), CustomerStatus.ACTIVE, ownerId, null, Set.of(), NOW, NOW));
    }

    @Test
    void validCustomerHasNoViolations() {
        assertThat(validation.violations(customer("ACME GmbH", "Machinery", Set.of("vip"), "sam"))).isEmpty();
    }

    @Test
    void reportsEveryViolationOfACustomerWithFieldAndRule() {
        Customer bad = customer(" ", "i".repeat(300), Set.of("vip", ""), "sam");

        List<Violation> violations = validation.violations(bad);

        assertThat(violations).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("industry", "Size"),
                tuple("name", "NotBlank"),
                tuple("tags", "NotBlank"));
        assertThat(violations).extracting(Violation::message).containsExactly(
                "must have at most 100 characters",
                "must not be blank",
                "must not be blank");
    }

    @Test
    void blankTagAddedThroughTheAggregateIsReported() {
        Customer acme = customer("ACME GmbH", null, Set.of(), "sam").tag("  ");

        assertThat(validation.violations(acme)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("tags", "NotBlank"));
    }

    @Test
    void tooLongTagAndMissingOwnerAreReported() {
        Customer acme = customer("ACME GmbH", null, Set.of("t".repeat(51)), null);

        assertThat(validation.violations(acme)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("ownerId", "NotBlank"), tuple("tags", "Size"));
    }

    @Test
    void checkThrowsWithTheBeanViolationsAndTheOthersTogether() {
        Customer bad = customer("", null, Set.of(), "sam");
        Violation unknownOwner = new Violation("ownerId", "KnownUser", "'x' is not a known user");

        assertThatThrownBy(() -> validation.check(bad, List.of(unknownOwner)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("name", "NotBlank"), tuple("ownerId", "KnownUser")));
    }

    @Test
    void checkPassesWhenNothingIsWrong() {
        validation.check(customer("ACME GmbH", null, Set.of(), "sam"), List.of());
    }

    @Test
    void validatesContactPersonsToo() {
        ContactPerson nameless = ContactPerson.fromRecord(NewContact.named(" ").roles(" ").toRecord(1, NOW));

        assertThat(validation.violations(nameless)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("name", "NotBlank"), tuple("roles", "NotBlank"));
    }
}
