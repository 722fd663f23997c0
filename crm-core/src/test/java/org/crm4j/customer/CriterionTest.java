package org.crm4j.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;
import org.crm4j.customer.Criterion.Op;
import org.crm4j.customer.Criterion.TextMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CriterionTest {
    private static final Set<CustomerField> BASIC = EnumSet.of(CustomerField.NAME, CustomerField.TAX_ID,
            CustomerField.CITY, CustomerField.OWNER, CustomerField.STATUS);

    /** A value of the field's type. */
    private static Object sampleValue(CustomerField field) {
        if (field.type() == String.class) {
            return "DE";
        }
        if (field.type() == Instant.class) {
            return Instant.parse("2025-01-01T00:00:00Z");
        }
        if (field.type() == CustomerStatus.class) {
            return CustomerStatus.ACTIVE;
        }
        if (field.type() == CustomerKind.class) {
            return CustomerKind.COMPANY;
        }
        throw new AssertionError("no sample value for " + field);
    }

    private static Criterion basic() {
        return Criteria.eq(CustomerField.CITY, "Berlin");
    }

    private static Criterion detail() {
        return Criteria.eq(CustomerField.INDUSTRY, "Machinery");
    }

    @Test
    void compareRejectsValueOfTheWrongType() {
        assertThatThrownBy(() -> new Criterion.Compare(CustomerField.CREATED_AT, Op.EQ, "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria.created_at", "Type")));
    }

    @Test
    void compareRejectsTextForAnEnumField() {
        assertThatThrownBy(() -> Criteria.eq(CustomerField.STATUS, "ACTIVE"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("Type"));
        assertThatThrownBy(() -> Criteria.eq(CustomerField.KIND, CustomerStatus.ACTIVE))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void compareRejectsMissingFieldOperatorOrValue() {
        assertThatThrownBy(() -> new Criterion.Compare(null, Op.EQ, "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("criteria.field")).isTrue());
        assertThatThrownBy(() -> new Criterion.Compare(CustomerField.CITY, null, "x"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("criteria.op")).isTrue());
        assertThatThrownBy(() -> new Criterion.Compare(CustomerField.CITY, Op.EQ, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria.city", "NotNull")));
    }

    @ParameterizedTest
    @EnumSource(value = Op.class, names = {"LT", "LE", "GT", "GE"})
    void orderingOperatorsAreRefusedOnTextFields(Op op) {
        assertThatThrownBy(() -> Criteria.compare(CustomerField.NAME, op, "M"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria.name", "Op")));
    }

    @ParameterizedTest
    @EnumSource(Op.class)
    void everyOperatorWorksOnCreationTime(Op op) {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");

        assertThat(Criteria.compare(CustomerField.CREATED_AT, op, t))
                .isEqualTo(new Criterion.Compare(CustomerField.CREATED_AT, op, t));
    }

    @Test
    void equalityOperatorsWorkOnTextFields() {
        assertThat(Criteria.compare(CustomerField.CITY, Op.NE, "Berlin")).isNotNull();
        assertThat(Criteria.eq(CustomerField.OWNER, "sam")).isNotNull();
    }

    @Test
    void taxIdAndCountryValuesAreNormalisedLikeTheStoredValues() {
        assertThat(((Criterion.Compare) Criteria.eq(CustomerField.TAX_ID, "de 123.456-789")).value())
                .isEqualTo("DE123456789");
        assertThat(((Criterion.Compare) Criteria.eq(CustomerField.COUNTRY, " de ")).value()).isEqualTo("DE");
    }

    @Test
    void inNormalisesAndDeduplicatesValues() {
        Criterion.In in = (Criterion.In) Criteria.in(CustomerField.TAX_ID, "DE 1", "de-1", "AT2");

        assertThat(in.values()).containsExactlyInAnyOrder("DE1", "AT2");
    }

    @Test
    void inRejectsNoValuesTooManyValuesAndValuesOfTheWrongType() {
        assertThatThrownBy(() -> new Criterion.In(CustomerField.CITY, Set.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("Size"));
        Set<Object> tooMany = new LinkedHashSet<>(IntStream.range(0, 1001).mapToObj(i -> "c" + i).toList());
        assertThatThrownBy(() -> new Criterion.In(CustomerField.CITY, tooMany))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Criteria.in(CustomerField.KIND, CustomerKind.COMPANY, "PERSON"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::rule).containsExactly("Type"));
        assertThatThrownBy(() -> Criteria.in(CustomerField.CITY, "Berlin", null))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void textMatchNeedsATextField() {
        assertThatThrownBy(() -> Criteria.text(CustomerField.CREATED_AT, TextMode.CONTAINS, "2025"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria.created_at", "Type")));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void textMatchRejectsBlankText(String text) {
        assertThatThrownBy(() -> Criteria.nameContains(text))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria.name", "Size")));
    }

    @Test
    void textMatchRejectsTextLongerThan200Characters() {
        assertThat(Criteria.nameStartsWith("n".repeat(200))).isNotNull();
        assertThatThrownBy(() -> Criteria.nameStartsWith("n".repeat(201))).isInstanceOf(ValidationException.class);
    }

    @Test
    void textMatchRejectsMissingMode() {
        assertThatThrownBy(() -> Criteria.text(CustomerField.NAME, null, "acme"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.hasViolation("criteria.mode")).isTrue());
    }

    @Test
    void andAndOrRejectNoParts() {
        assertThatThrownBy(() -> Criteria.and()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("NotEmpty"));
        assertThatThrownBy(() -> Criteria.or()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("NotEmpty"));
        assertThatThrownBy(() -> new Criterion.And(null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new Criterion.Or(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void andAndOrRejectNullParts() {
        List<Criterion> withNull = Arrays.asList(basic(), null);

        assertThatThrownBy(() -> new Criterion.And(withNull)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::rule).containsExactly("NotNull"));
        assertThatThrownBy(() -> new Criterion.Or(withNull)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Criteria.not(null)).isInstanceOf(ValidationException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void tagAndCategoryCannotBeBlank(String blank) {
        assertThatThrownBy(() -> Criteria.tagged(blank)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria.tag", "NotBlank")));
        assertThatThrownBy(() -> Criteria.inCategory(blank)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria.category", "NotBlank")));
    }

    @Test
    void tagAndCategoryAreStripped() {
        assertThat(Criteria.tagged(" vip ")).isEqualTo(new Criterion.HasTag("vip"));
        assertThat(Criteria.inCategory(" reseller ")).isEqualTo(new Criterion.InCategory("reseller"));
    }

    @ParameterizedTest
    @EnumSource(CustomerField.class)
    void compareIsBasicOnlyForTheBasicFields(CustomerField field) {
        boolean expected = BASIC.contains(field);

        assertThat(field.isBasic()).isEqualTo(expected);
        assertThat(Criteria.eq(field, sampleValue(field)).basicOnly()).isEqualTo(expected);
        assertThat(Criteria.in(field, sampleValue(field)).basicOnly()).isEqualTo(expected);
        assertThat(Criteria.not(Criteria.eq(field, sampleValue(field))).basicOnly()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(CustomerField.class)
    void textMatchIsBasicOnlyForTheBasicTextFields(CustomerField field) {
        if (field.type() == String.class) {
            assertThat(Criteria.text(field, TextMode.EQUALS, "x").basicOnly()).isEqualTo(BASIC.contains(field));
        }
    }

    @Test
    void tagsRatingsAndCategoriesAreNotBasic() {
        assertThat(Criteria.tagged("vip").basicOnly()).isFalse();
        assertThat(Criteria.inCategory("reseller").basicOnly()).isFalse();
        assertThat(Criteria.rated("A").basicOnly()).isFalse();
    }

    @Test
    void aTreeIsBasicOnlyWhenEveryLeafIsBasic() {
        assertThat(Criteria.and(basic(), Criteria.ownedBy("sam", "mia"), Criteria.archived()).basicOnly()).isTrue();
        assertThat(Criteria.or(basic(), Criteria.nameContains("gmbh")).basicOnly()).isTrue();
        assertThat(Criteria.and(basic(), Criteria.or(basic(), Criteria.not(basic()))).basicOnly()).isTrue();

        assertThat(Criteria.and(basic(), detail()).basicOnly()).isFalse();
        assertThat(Criteria.or(basic(), detail()).basicOnly()).isFalse();
        assertThat(Criteria.or(basic(), Criteria.tagged("vip")).basicOnly()).isFalse();
        assertThat(Criteria.and(basic(), Criteria.or(basic(), Criteria.not(detail()))).basicOnly()).isFalse();
        assertThat(Criteria.not(Criteria.and(basic(), Criteria.inCategory("reseller"))).basicOnly()).isFalse();
    }

    @Test
    void partsCannotBeChangedAfterwards() {
        List<Criterion> parts = new java.util.ArrayList<>(List.of(basic()));
        Criterion.And and = new Criterion.And(parts);
        parts.add(detail());

        assertThat(and.basicOnly()).isTrue();
        assertThat(and.parts()).hasSize(1);
    }

    @Test
    void aTreeOf32LevelsIsBuilt_33AreRefusedNamingTheRule() {
        Criterion tree = Criteria.tagged("vip");
        for (int level = 2; level <= Criterion.MAX_DEPTH; level++) {
            tree = Criteria.not(tree);
        }
        assertThat(tree.depth()).isEqualTo(32);

        Criterion deepest = tree;
        assertThatThrownBy(() -> Criteria.and(deepest)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria", "Depth")));
    }

    @Test
    void aTreeOf200CriteriaIsBuilt_201AreRefused() {
        Criterion[] tags = IntStream.range(0, 199).mapToObj(i -> Criteria.tagged("t" + i)).toArray(Criterion[]::new);
        assertThat(Criteria.or(tags).size()).isEqualTo(200);

        Criterion[] more = Arrays.copyOf(tags, 200);
        more[199] = Criteria.tagged("one too many");
        assertThatThrownBy(() -> Criteria.or(more)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria", "Size")));
        assertThatThrownBy(() -> Criteria.and(Criteria.or(tags), Criteria.tagged("x")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void inValuesAreCountedOverTheWholeTree() {
        Object[] cities = IntStream.range(0, 600).mapToObj(i -> "City " + i).toArray();
        Criterion six = Criteria.in(CustomerField.CITY, cities);

        assertThatThrownBy(() -> Criteria.or(six, six)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria", "Size")));
    }

    @Test
    void textValuesAreAsLongAsTheirColumn_andObeyTheTextRule() {
        assertThat(Criteria.eq(CustomerField.CITY, "c".repeat(100))).isNotNull();
        assertThatThrownBy(() -> Criteria.eq(CustomerField.CITY, "c".repeat(101)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("criteria.city", "Size")));
        assertThatThrownBy(() -> Criteria.tagged("t".repeat(Criterion.MAX_TAG + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("criteria.tag", "Size")));
        assertThatThrownBy(() -> Criteria.nameStartsWith("AC\uD800"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule).containsExactly(tuple("criteria.name", "Text")));
        assertThatThrownBy(() -> Criteria.compare(CustomerField.CREATED_AT, Op.GE, Instant.MIN))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("criteria.created_at", "Range")));
    }
}
