package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crm4j.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "+4930123456",
        "+49 30 123456",
        "+49 (30) 123-456",
        "+49.30.123.456",
        "+49\u00a030\u00a0123456",
        "0049 30 123456",
        "(0049) 30/123456",
    })
    void parsesInternationalNumberWrittenWithSeparators(String text) {
        assertThat(PhoneNumber.parse(text).value()).isEqualTo("+4930123456");
    }

    @ParameterizedTest
    @CsvSource({
        "030 123456,       49,  +4930123456",
        "030-123456,       49,  +4930123456",
        "30 123456,        49,  +4930123456",
        "(0)30 123456,     49,  +4930123456",
        "0171 2345678,     49,  +491712345678",
        "+44 20 7946 0958, 49,  +442079460958",
        "0044 20 7946 0958,49,  +442079460958",
        "212 555 0123,     1,   +12125550123",
    })
    void parsesNationalNumberWithCountryCallingCode(String text, String callingCode, String expected) {
        assertThat(PhoneNumber.parse(text, callingCode).value()).isEqualTo(expected);
    }

    @Test
    void rejectsNationalNumberWithoutCountryCallingCode() {
        assertThatThrownBy(() -> PhoneNumber.parse("030 123456"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.hasViolation("phone")).isTrue();
                    assertThat(e.getMessage()).contains("no country calling code");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "049", "1234", "abc"})
    void rejectsMalformedCountryCallingCode(String callingCode) {
        assertThatThrownBy(() -> PhoneNumber.parse("030 123456", callingCode))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("country calling code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+49 30 CALL-ME", "+49 30 12345x", "0049 30 ext 12", "+49#30123456"})
    void rejectsLetters(String text) {
        assertThatThrownBy(() -> PhoneNumber.parse(text))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.Violation::rule)
                                .containsExactly("Format"));
    }

    @Test
    void rejectsPlusInsideTheNumber() {
        assertThatThrownBy(() -> PhoneNumber.parse("49+30123456")).isInstanceOf(ValidationException.class);
    }

    @Test
    void rejectsNumberWithFewerThanEightDigits() {
        assertThat(PhoneNumber.parse("+49 301 234").value()).isEqualTo("+49301234");
        assertThatThrownBy(() -> PhoneNumber.parse("+49 301 23")).isInstanceOf(ValidationException.class);
    }

    @Test
    void rejectsNumberWithMoreThanFifteenDigits() {
        assertThat(PhoneNumber.parse("+49 301 234 567 890 1").value()).isEqualTo("+493012345678901");
        assertThatThrownBy(() -> PhoneNumber.parse("+49 301 234 567 890 123"))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void rejectsCountryCallingCodeStartingWithZero() {
        assertThatThrownBy(() -> new PhoneNumber("+0301234567")).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void rejectsBlankNumber(String text) {
        assertThatThrownBy(() -> PhoneNumber.parse(text))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations()).extracting(ValidationException.Violation::rule)
                                .containsExactly("NotBlank"));
    }

    @Test
    void constructorAcceptsOnlyE164WithoutSeparators() {
        assertThat(new PhoneNumber("+4930123456")).hasToString("+4930123456");
        assertThatThrownBy(() -> new PhoneNumber("+49 30 123456")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new PhoneNumber("4930123456")).isInstanceOf(ValidationException.class);
    }
}
