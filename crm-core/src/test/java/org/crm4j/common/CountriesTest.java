package org.crm4j.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Countries as ERPs write them (Northwind writes "Germany", "UK" and "USA"). */
class CountriesTest {

    @Test
    void codesNamesAndEverydayNamesBecomeTheIsoCode() {
        assertThat(Countries.code("DE")).contains("DE");
        assertThat(Countries.code("deu")).contains("DE");
        assertThat(Countries.code("Germany")).contains("DE");
        assertThat(Countries.code("  germany ")).contains("DE");
        assertThat(Countries.code("USA")).contains("US");
        assertThat(Countries.code("U.S.A.")).contains("US");
        assertThat(Countries.code("UK")).contains("GB");
        assertThat(Countries.code("United Kingdom")).contains("GB");
        assertThat(Countries.code("The Netherlands")).contains("NL");
        assertThat(Countries.code("Venezuela")).contains("VE");
        assertThat(Countries.code("Czech Republic")).contains("CZ");
    }

    /** Java qualifies these ("Hong Kong SAR China"); Classic Models' customers say "Hong Kong". */
    @Test
    void namesThatJavaQualifiesAreKnownPlainToo() {
        assertThat(Countries.code("Hong Kong")).contains("HK");
        assertThat(Countries.code("Hong Kong SAR China")).contains("HK");
        assertThat(Countries.code("Macau")).contains("MO");
        assertThat(Countries.code("Myanmar")).contains("MM");
        assertThat(Countries.code("Cote d'Ivoire")).contains("CI");
        assertThat(Countries.code("Côte d’Ivoire")).contains("CI");
        assertThat(Countries.code("DR Congo")).contains("CD");
        assertThat(Countries.code("Palestine")).contains("PS");
    }

    @Test
    void namesInTheHostsLanguageCountWhenItIsGiven() {
        assertThat(Countries.code("Österreich")).isEmpty();
        assertThat(Countries.code("Österreich", Locale.GERMAN)).contains("AT");
        assertThat(Countries.code("Osterreich", Locale.GERMAN)).contains("AT");
        assertThat(Countries.code("Allemagne", Locale.GERMAN, Locale.FRENCH)).contains("DE");
    }

    @Test
    void whatIsNoCountryIsNone() {
        assertThat(Countries.code("Atlantis")).isEmpty();
        assertThat(Countries.code(" ")).isEmpty();
        assertThat(Countries.code(null)).isEmpty();
    }
}
