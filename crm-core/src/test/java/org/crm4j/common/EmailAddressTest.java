package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crm4j.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void lowersTheDomainButKeepsTheLocalPart() {
        assertThat(EmailAddress.of("Jane.Doe@Example.COM").value()).isEqualTo("Jane.Doe@example.com");
    }

    @Test
    void stripsSurroundingWhitespace() {
        assertThat(EmailAddress.of("  jane@example.com \t").value()).isEqualTo("jane@example.com");
    }

    @Test
    void normalizedLowersTheWholeAddressForMatching() {
        EmailAddress email = EmailAddress.of("Jane.Doe@Example.com");

        assertThat(email.normalized()).isEqualTo("jane.doe@example.com");
        assertThat(email.normalized()).isEqualTo(EmailAddress.of("JANE.DOE@example.COM").normalized());
    }

    @Test
    void addressesDifferingOnlyInDomainCaseAreEqual() {
        assertThat(EmailAddress.of("jane@EXAMPLE.com")).isEqualTo(EmailAddress.of("jane@example.com"));
    }

    @Test
    void acceptsPlusAddressingAndSubdomains() {
        assertThat(EmailAddress.of("jane+crm@mail.sales.example.co.uk").value())
                .isEqualTo("jane+crm@mail.sales.example.co.uk");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void rejectsBlankAddress(String blank) {
        assertThatThrownBy(() -> EmailAddress.of(blank))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement()
                            .satisfies(v -> {
                                assertThat(v.field()).isEqualTo("email");
                                assertThat(v.rule()).isEqualTo("NotBlank");
                            });
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jane.example.com",        // no @
        "@example.com",            // no local part
        "jane@",                   // no domain
        "jane@localhost",          // no top-level domain
        "jane@example",            // no top-level domain
        "jane@example.c",          // one-letter top-level domain
        "jane@-example.com",       // label starts with a dash
        "jane@exa_mple.com",       // underscore in domain
        ".jane@example.com",       // local part starts with a dot
        "jane.@example.com",       // local part ends with a dot
        "ja..ne@example.com",      // two dots in a row
        "ja ne@example.com",       // space in local part
        "jane@@example.com",       // two @
        "jane@exam ple.com"        // space in domain
    })
    void rejectsMalformedAddress(String text) {
        assertThatThrownBy(() -> EmailAddress.of(text))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolation("email")).isTrue();
                    assertThat(e.violations()).extracting(ValidationException.Violation::rule).containsExactly("Format");
                });
    }

    @Test
    void rejectsAddressWithoutDomain() {
        assertThatThrownBy(() -> EmailAddress.of("jane")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'jane' is not an e-mail address");
    }

    @Test
    void acceptsLocalPartOf64CharactersButNot65() {
        String domain = "@example.com";

        assertThat(EmailAddress.of("a".repeat(64) + domain).value()).hasSize(64 + domain.length());
        assertThatThrownBy(() -> EmailAddress.of("a".repeat(65) + domain)).isInstanceOf(ValidationException.class);
    }

    @Test
    void rejectsAddressLongerThan254Characters() {
        String domain = ("d".repeat(60) + ".").repeat(4) + "com"; // 247 characters
        String fits = "a".repeat(254 - domain.length() - 1) + "@" + domain;
        String tooLong = "a" + fits;

        assertThat(fits).hasSize(254);
        assertThat(EmailAddress.of(fits).value()).isEqualTo(fits);
        assertThatThrownBy(() -> EmailAddress.of(tooLong)).isInstanceOf(ValidationException.class);
    }

    @Test
    void toStringIsTheAddress() {
        assertThat(EmailAddress.of("jane@Example.com")).hasToString("jane@example.com");
    }
}
