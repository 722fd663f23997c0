package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressTest {

    @Test
    void upperCasesAndStripsTheCountry() {
        assertThat(Address.of("Berlin", " de ").country()).isEqualTo("DE");
    }

    @Test
    void stripsTextAndTurnsBlankOptionalPartsIntoNull() {
        Address address = new Address("  Unter den Linden 1 ", " ", " Berlin ", "", "DE");

        assertThat(address.street()).isEqualTo("Unter den Linden 1");
        assertThat(address.postalCode()).isNull();
        assertThat(address.city()).isEqualTo("Berlin");
        assertThat(address.region()).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void requiresACity(String city) {
        assertThatThrownBy(() -> Address.of(city, "DE"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("address.city", "NotBlank")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"XX", "DEU", "Germany", "D"})
    void requiresAnIsoCountryCode(String country) {
        assertThatThrownBy(() -> Address.of("Berlin", country))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("address.country", "Format")));
    }

    @Test
    void listsAllViolationsAtOnce() {
        assertThatThrownBy(() -> new Address("s".repeat(201), "1".repeat(21), null, "r".repeat(101), "XX"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactlyInAnyOrder("address.street", "address.postalCode", "address.region",
                                "address.city", "address.country"));
    }

    @Test
    void rejectsCityLongerThan100Characters() {
        assertThat(Address.of("c".repeat(100), "DE").city()).hasSize(100);
        assertThatThrownBy(() -> Address.of("c".repeat(101), "DE"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("address.city", "Size")));
    }
}
