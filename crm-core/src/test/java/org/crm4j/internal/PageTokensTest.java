package org.crm4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerSort;
import org.crm4j.store.Keyset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PageTokensTest {

    @ParameterizedTest
    @EnumSource(value = CustomerSort.class, names = {"CREATED_ASC", "CREATED_DESC"})
    void aTokenByCreationCarriesTheLastIdAlone(CustomerSort sort) {
        String token = PageTokens.encode(sort, "acme", Long.MAX_VALUE);

        assertThat(PageTokens.decode(sort, token)).isEqualTo(Keyset.afterRow(Long.MAX_VALUE));
        assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
                .isEqualTo("2\u001f" + sort.name() + "\u001f" + Long.MAX_VALUE);
    }

    @ParameterizedTest
    @EnumSource(value = CustomerSort.class, names = {"NAME_ASC", "NAME_DESC"})
    void aTokenByNameCarriesTheLastNameKeyAndId(CustomerSort sort) {
        // a name key may hold anything a name does, the separator included
        String key = "m\u00fcller \u001f & s\u00f6hne";
        String token = PageTokens.encode(sort, key, 42);

        assertThat(PageTokens.decode(sort, token)).isEqualTo(new Keyset(key, 42));
    }

    @ParameterizedTest
    @EnumSource(value = CustomerSort.class, names = {"NAME_ASC", "NAME_DESC"})
    void aNameOrdersTokenOfTheIdOnlyFormatStillReads(CustomerSort sort) {
        assertThat(PageTokens.decode(sort, raw("2\u001f" + sort.name() + "\u001f7"))).isEqualTo(Keyset.afterRow(7));
    }

    @Test
    void tokenIsUrlSafe() {
        assertThat(PageTokens.encode(CustomerSort.NAME_ASC, "\u00e4 b/c+d", 4711)).matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage!", "bm90IGEgdG9rZW4", "%%%", "MQ"})
    void rejectsGarbage(String token) {
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.NAME_ASC, token))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("pageToken", "Format")));
    }

    @Test
    void rejectsACreationTimeInAToken_aNameKeyByCreation_orABadId() {
        // a creation time is a detail: a token that carried one could compare a forged time with hidden rows
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.CREATED_ASC,
                raw("1\u001fCREATED_ASC\u001f1\u001f2026-03-02T09:00:00Z")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("pageToken", "Format")));
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.CREATED_ASC, raw("3\u001fCREATED_ASC\u001f1\u001facme")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("Format"));
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.NAME_ASC, raw("2\u001fNAME_ASC\u001f1\u001facme")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.NAME_ASC, raw("3\u001fNAME_ASC\u001fx\u001facme")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("Format"));
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.NAME_ASC, raw("3\u001fNAME_ASC\u001f1\u001f" + "a".repeat(1001))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("Format"));
    }

    @Test
    void rejectsTokenOfAnotherSort() {
        String byName = PageTokens.encode(CustomerSort.NAME_ASC, "acme", 1);
        String byCreation = PageTokens.encode(CustomerSort.CREATED_DESC, "acme", 1);

        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.CREATED_DESC, byName))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("pageToken", "SameSort")));
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.NAME_DESC, byName))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("SameSort"));
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.NAME_ASC, byCreation))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("SameSort"));
    }

    @Test
    void listTokensBeyondTheYears1To9999AreRefused() {
        String late = raw("1\u001fACTIVITIES\u001f1\u001f+1000000-01-01T00:00:00Z");
        String early = raw("1\u001fSCHEDULE\u001f1\u001f-1000000-01-01T00:00:00Z");

        assertThatThrownBy(() -> PageTokens.decodeActivities(late))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("pageToken", "Format")));
        assertThatThrownBy(() -> PageTokens.decodeSchedule(early))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("pageToken", "Format")));
    }

    private static String raw(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void stalledTokenRoundTrips() {
        Keyset keyset = new Keyset(Instant.parse("2026-03-02T09:00:00.000001Z"), 99);

        String token = PageTokens.encodeStalled(keyset);

        assertThat(token).matches("[A-Za-z0-9_-]+");
        assertThat(PageTokens.decodeStalled(token)).isEqualTo(keyset);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage!", "bm90IGEgdG9rZW4", "MQ"})
    void stalledRejectsGarbage(String token) {
        assertThatThrownBy(() -> PageTokens.decodeStalled(token))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("pageToken", "Format")));
    }

    @Test
    void stalledAndCustomerTokensAreNotInterchangeable() {
        String customers = PageTokens.encode(CustomerSort.CREATED_ASC, "acme", 1);
        String stalled = PageTokens.encodeStalled(new Keyset(Instant.EPOCH, 1));

        assertThatThrownBy(() -> PageTokens.decodeStalled(customers)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.CREATED_ASC, stalled))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void overdueRequestTokenRoundTrips_andIsNoTokenOfAnotherList() {
        Keyset keyset = new Keyset(Instant.parse("2026-03-04T09:00:00.000001Z"), 42);
        String token = PageTokens.encodeOverdueRequests(keyset);
        String activities = PageTokens.encodeActivities(keyset);

        assertThat(PageTokens.decodeOverdueRequests(token)).isEqualTo(keyset);
        assertThatThrownBy(() -> PageTokens.decodeOverdueRequests(activities))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("pageToken", "Format")));
        assertThatThrownBy(() -> PageTokens.decodeActivities(token)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PageTokens.decode(CustomerSort.CREATED_ASC, token))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("Format"));
    }
}
