package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crm4j.customer.Criteria.and;
import static org.crm4j.customer.Criteria.compare;
import static org.crm4j.customer.Criteria.eq;
import static org.crm4j.customer.Criteria.in;
import static org.crm4j.customer.Criteria.inCategory;
import static org.crm4j.customer.Criteria.nameContains;
import static org.crm4j.customer.Criteria.nameStartsWith;
import static org.crm4j.customer.Criteria.not;
import static org.crm4j.customer.Criteria.or;
import static org.crm4j.customer.Criteria.ownedBy;
import static org.crm4j.customer.Criteria.rated;
import static org.crm4j.customer.Criteria.tagged;
import static org.crm4j.customer.Criteria.text;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.Page;
import org.crm4j.customer.Classification;
import org.crm4j.customer.Criteria;
import org.crm4j.customer.Criterion;
import org.crm4j.customer.CustomerField;
import org.crm4j.customer.CustomerKind;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.CustomerSummary;
import org.crm4j.customer.NewCustomer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The criteria tree, sorting and keyset paging give the same answers on every adapter. */
public abstract class SearchContract extends ContractBase {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    /** A small market: name, city, country, industry, rating, categories, tags, kind, owner. */
    private void market() {
        add(NewCustomer.company("Alpha Tools GmbH").taxId("DE111").address(Address.of("Berlin", "DE"))
                .industry("Machinery").classification(Classification.of("A", "reseller")).tags("vip", "export"), "sam");
        add(NewCustomer.company("beta logistics").address(Address.of("Hamburg", "DE")).industry("Logistics")
                .classification(Classification.of("B")).tags("export"), "sam");
        add(NewCustomer.company("ALPHA Foods").address(Address.of("Wien", "AT")).industry("Food")
                .classification(Classification.of("C", "public-sector")), "pia");
        add(NewCustomer.person("Jane Roe").address(Address.of("Berlin", "DE")), "pia");
        add(NewCustomer.company("Gamma 100% Solar_Power").industry("Energy").tags("vip"), "otto");
        add(NewCustomer.company("Delta Bank").taxId("CZ 999").address(Address.of("Praha", "CZ"))
                .classification(Classification.of("A")), "otto");
    }

    private void add(NewCustomer c, String owner) {
        clock.advance(Duration.ofMinutes(1));
        customersOf(ADA).create(c.owner(owner));
    }

    static Stream<Arguments> criteria() {
        return Stream.of(
                Arguments.of("name contains, any case", nameContains("ALPHA"), List.of("ALPHA Foods", "Alpha Tools GmbH")),
                Arguments.of("name starts with", nameStartsWith("be"), List.of("beta logistics")),
                Arguments.of("LIKE wildcards are literal", nameContains("100%"), List.of("Gamma 100% Solar_Power")),
                Arguments.of("underscore is literal", nameContains("r_p"), List.of("Gamma 100% Solar_Power")),
                Arguments.of("percent alone matches only a percent", nameContains("%"), List.of("Gamma 100% Solar_Power")),
                Arguments.of("exact name", eq(CustomerField.NAME, "Delta Bank"), List.of("Delta Bank")),
                Arguments.of("exact name is case-sensitive", eq(CustomerField.NAME, "delta bank"), List.of()),
                Arguments.of("text equals ignores case", text(CustomerField.CITY, Criterion.TextMode.EQUALS, "BERLIN"),
                        List.of("Alpha Tools GmbH", "Jane Roe")),
                Arguments.of("city", eq(CustomerField.CITY, "Berlin"), List.of("Alpha Tools GmbH", "Jane Roe")),
                Arguments.of("not city skips customers without a city", not(eq(CustomerField.CITY, "Berlin")),
                        List.of("ALPHA Foods", "beta logistics", "Delta Bank")),
                Arguments.of("country in", in(CustomerField.COUNTRY, "at", "CZ"), List.of("ALPHA Foods", "Delta Bank")),
                Arguments.of("tax id is normalised", eq(CustomerField.TAX_ID, "cz-999"), List.of("Delta Bank")),
                Arguments.of("kind", eq(CustomerField.KIND, CustomerKind.PERSON), List.of("Jane Roe")),
                Arguments.of("owner", ownedBy("otto"), List.of("Delta Bank", "Gamma 100% Solar_Power")),
                Arguments.of("tag", tagged("vip"), List.of("Alpha Tools GmbH", "Gamma 100% Solar_Power")),
                Arguments.of("tag is exact", tagged("VIP"), List.of()),
                Arguments.of("rating", rated("A"), List.of("Alpha Tools GmbH", "Delta Bank")),
                Arguments.of("category", inCategory("public-sector"), List.of("ALPHA Foods")),
                Arguments.of("industry ne", compare(CustomerField.INDUSTRY, Criterion.Op.NE, "Machinery"),
                        List.of("ALPHA Foods", "beta logistics", "Gamma 100% Solar_Power")),
                Arguments.of("created before", compare(CustomerField.CREATED_AT, Criterion.Op.LT, T0.plusSeconds(150)),
                        List.of("Alpha Tools GmbH", "beta logistics")),
                Arguments.of("created at or after", compare(CustomerField.CREATED_AT, Criterion.Op.GE, T0.plusSeconds(300)),
                        List.of("Delta Bank", "Gamma 100% Solar_Power")),
                Arguments.of("and", and(tagged("export"), eq(CustomerField.CITY, "Hamburg")), List.of("beta logistics")),
                Arguments.of("or", or(rated("C"), tagged("vip")),
                        List.of("ALPHA Foods", "Alpha Tools GmbH", "Gamma 100% Solar_Power")),
                Arguments.of("not of an and that is false though unknown in part",
                        not(and(eq(CustomerField.COUNTRY, "DE"), tagged("export"))),
                        List.of("ALPHA Foods", "Delta Bank", "Gamma 100% Solar_Power", "Jane Roe")),
                Arguments.of("nested", and(or(nameContains("alpha"), nameContains("delta")), not(rated("C"))),
                        List.of("Alpha Tools GmbH", "Delta Bank")),
                Arguments.of("status", eq(CustomerField.STATUS, CustomerStatus.ACTIVE),
                        List.of("ALPHA Foods", "Alpha Tools GmbH", "beta logistics", "Delta Bank",
                                "Gamma 100% Solar_Power", "Jane Roe")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("criteria")
    void criteria_findExactlyTheMatchingCustomers(String what, Criterion criterion, List<String> expected) {
        market();
        List<String> found = customersOf(ADA).search(CustomerQuery.builder().where(criterion).pageSize(100).build())
                .items().stream().map(CustomerSummary::name).toList();
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void criteria_statusOverridesTheArchivedDefault() {
        add(NewCustomer.company("Active Ltd"), "sam");
        add(NewCustomer.company("Archived Ltd"), "sam");
        var archived = customersOf(SAM).search(CustomerQuery.where(nameStartsWith("archived"))).items().get(0);
        customersOf(SAM).save(customersOf(SAM).get(archived.id()).archive());

        // without a status criterion only active customers are found
        assertThat(names(CustomerQuery.builder().build())).containsExactly("Active Ltd");
        // asking for archived ones finds them without includeArchived()
        assertThat(customersOf(SAM).search(CustomerQuery.where(Criteria.archived())).items())
                .singleElement().satisfies(found -> {
                    assertThat(found.name()).isEqualTo("Archived Ltd");
                    assertThat(found.status()).isEqualTo(CustomerStatus.ARCHIVED);
                });
        assertThat(names(CustomerQuery.where(Criteria.archived()))).containsExactly("Archived Ltd");
        assertThat(names(CustomerQuery.builder().where(Criteria.archived()).includeArchived().build()))
                .containsExactly("Archived Ltd");
        assertThat(names(CustomerQuery.where(eq(CustomerField.STATUS, CustomerStatus.ACTIVE))))
                .containsExactly("Active Ltd");
    }

    @Test
    void sort_byNameIgnoresCaseAndBreaksTiesById() {
        market();
        assertThat(names(CustomerQuery.builder().build())).containsExactly("ALPHA Foods", "Alpha Tools GmbH",
                "beta logistics", "Delta Bank", "Gamma 100% Solar_Power", "Jane Roe");
        assertThat(names(CustomerQuery.builder().sort(CustomerSort.NAME_DESC).build())).containsExactly("Jane Roe",
                "Gamma 100% Solar_Power", "Delta Bank", "beta logistics", "Alpha Tools GmbH", "ALPHA Foods");
        assertThat(names(CustomerQuery.builder().sort(CustomerSort.CREATED_DESC).build())).first()
                .isEqualTo("Delta Bank");
    }

    private List<String> names(CustomerQuery query) {
        return customersOf(ADA).search(query).items().stream().map(CustomerSummary::name).toList();
    }

    @ParameterizedTest
    @EnumSource(CustomerSort.class)
    void keysetPaging_walksEveryRowOnceInOrder(CustomerSort sort) {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            // every third customer shares its time stamp and its name with the one before
            if (i % 3 != 2) {
                clock.advance(Duration.ofSeconds(1));
            }
            String name = "Customer " + (i % 3 == 2 ? i - 1 : i);
            created.add(name);
            customersOf(SAM).create(NewCustomer.company(name));
        }
        List<String> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<CustomerSummary> page = customersOf(SAM).search(CustomerQuery.builder().sort(sort).pageSize(10)
                    .pageToken(token).build());
            page.items().forEach(s -> walked.add(s.name() + "#" + s.id()));
            token = page.nextPageToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(6);
        assertThat(walked).hasSize(57).doesNotHaveDuplicates();
        List<String> all = customersOf(SAM).search(CustomerQuery.builder().sort(sort).pageSize(100).build()).items()
                .stream().map(s -> s.name() + "#" + s.id()).toList();
        assertThat(walked).containsExactlyElementsOf(all);
    }

    @Test
    void keysetPaging_withCriteriaAndExactlyFullLastPage() {
        for (int i = 0; i < 20; i++) {
            customersOf(SAM).create(NewCustomer.company((i % 2 == 0 ? "Even " : "Odd ") + i));
        }
        Page<CustomerSummary> first = customersOf(SAM).search(CustomerQuery.builder().where(nameStartsWith("even"))
                .pageSize(5).build());
        assertThat(first.items()).hasSize(5);
        Page<CustomerSummary> second = customersOf(SAM).search(CustomerQuery.builder().where(nameStartsWith("even"))
                .pageSize(5).pageToken(first.nextPageToken()).build());
        assertThat(second.items()).hasSize(5);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void pagingByName_goesOnAfterTheLastRowsName_evenWhenThatCustomerIsRenamedOrArchived() {
        for (String name : List.of("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot")) {
            customersOf(SAM).create(NewCustomer.company(name));
        }
        Page<CustomerSummary> first = customersOf(SAM).search(CustomerQuery.builder().pageSize(2).build());
        assertThat(first.items()).extracting(CustomerSummary::name).containsExactly("Alpha", "Bravo");
        // the page's last customer moves to the end of the list, and another one is archived
        customersOf(SAM).save(customersOf(SAM).get(first.items().get(1).id()).rename("Zulu"));
        var delta = customersOf(SAM).search(CustomerQuery.where(nameStartsWith("delta"))).items().get(0);
        customersOf(SAM).save(customersOf(SAM).get(delta.id()).archive());

        Page<CustomerSummary> second = customersOf(SAM).search(CustomerQuery.builder().pageSize(2)
                .pageToken(first.nextPageToken()).build());
        Page<CustomerSummary> third = customersOf(SAM).search(CustomerQuery.builder().pageSize(2)
                .pageToken(second.nextPageToken()).build());

        // the list goes on from where the first page ended, "Bravo", as a list by name must
        assertThat(second.items()).extracting(CustomerSummary::name).containsExactly("Charlie", "Echo");
        assertThat(third.items()).extracting(CustomerSummary::name).containsExactly("Foxtrot", "Zulu");
        assertThat(third.hasNext()).isFalse();
    }

    @Test
    void badQueriesAreRefused() {
        assertThatThrownBy(() -> customersOf(SAM).search(CustomerQuery.builder().pageSize(0).build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pageSize");
        assertThatThrownBy(() -> customersOf(SAM).search(CustomerQuery.builder().pageSize(501).build()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> customersOf(SAM).search(CustomerQuery.builder().pageToken("garbage!").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pageToken");
        for (int i = 0; i < 3; i++) {
            customersOf(SAM).create(NewCustomer.company("C" + i));
        }
        String byName = customersOf(SAM).search(CustomerQuery.builder().pageSize(1).build()).nextPageToken();
        assertThatThrownBy(() -> customersOf(SAM).search(CustomerQuery.builder().sort(CustomerSort.CREATED_ASC)
                .pageToken(byName).build())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> customersOf(SAM).search(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> eq(CustomerField.CREATED_AT, "yesterday")).isInstanceOf(ValidationException.class);
    }
}
