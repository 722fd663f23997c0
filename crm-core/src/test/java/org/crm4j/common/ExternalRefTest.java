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

class ExternalRefTest {

    @Test
    void stripsBothParts() {
        ExternalRef ref = ExternalRef.of(" SAP ", " 0000104711 ");

        assertThat(ref).isEqualTo(ExternalRef.of("SAP", "0000104711"));
        assertThat(ref).hasToString("SAP:0000104711");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsBlankSystem(String system) {
        assertThatThrownBy(() -> ExternalRef.of(system, "4711"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("externalRef.system", "NotBlank")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsBlankId(String id) {
        assertThatThrownBy(() -> ExternalRef.of("SAP", id))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("externalRef.id", "NotBlank")));
    }

    @Test
    void rejectsSystemLongerThan50Characters() {
        assertThat(ExternalRef.of("s".repeat(50), "1").system()).hasSize(50);
        assertThatThrownBy(() -> ExternalRef.of("s".repeat(51), "1"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("externalRef.system", "Size")));
    }

    @Test
    void rejectsIdLongerThan100Characters() {
        assertThat(ExternalRef.of("SAP", "9".repeat(100)).id()).hasSize(100);
        assertThatThrownBy(() -> ExternalRef.of("SAP", "9".repeat(101)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("externalRef.id", "Size")));
    }

    @Test
    void measuresLengthAfterStripping() {
        assertThat(ExternalRef.of("  " + "s".repeat(50) + "  ", "1").system()).hasSize(50);
    }
}
