package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxIdsTest {

    @ParameterizedTest
    @CsvSource({
        "DE 123.456.789,   DE123456789",
        "de 123.456-789,   DE123456789",
        "de123456789,      DE123456789",
        "ATU 123/456/78,   ATU12345678",
        "'  nl 8. 0-1/b01 ', NL801B01",
        "'FR\t12 345',     FR12345",
    })
    void removesSeparatorsAndUpperCases(String written, String expected) {
        assertThat(TaxIds.normalize(written)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void blankMeansNoTaxId(String blank) {
        assertThat(TaxIds.normalize(blank)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE 123.456.789", "de123456789", "De-123-456-789"})
    void differentlyWrittenIdsMatch(String written) {
        assertThat(TaxIds.normalize(written)).isEqualTo(TaxIds.normalize("DE123456789"));
    }
}
