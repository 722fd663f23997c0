package org.crm4j.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.junit.jupiter.api.Test;

class ClassificationTest {

    @Test
    void stripsRatingAndCategories() {
        Classification c = Classification.of(" A ", " reseller ", "public-sector");

        assertThat(c.rating()).isEqualTo("A");
        assertThat(c.categories()).containsExactlyInAnyOrder("reseller", "public-sector");
    }

    @Test
    void blankRatingMeansNotRated() {
        assertThat(Classification.of("  ").rating()).isNull();
    }

    @Test
    void nullCategoriesMeanNone() {
        assertThat(new Classification("B", null).categories()).isEmpty();
    }

    @Test
    void categoriesDifferingOnlyInSurroundingSpaceCollapse() {
        assertThat(new Classification(null, Set.of("reseller", " reseller")).categories())
                .containsExactly("reseller");
    }

    @Test
    void rejectsRatingLongerThan10Characters() {
        assertThat(Classification.of("r".repeat(10)).rating()).hasSize(10);
        assertThatThrownBy(() -> Classification.of("r".repeat(11)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactly(tuple("classification.rating", "Size")));
    }

    @Test
    void listsEveryViolationAtOnce() {
        Set<String> categories = new HashSet<>(Arrays.asList(" ", null, "c".repeat(51), "ok"));

        assertThatThrownBy(() -> new Classification("r".repeat(11), categories))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field, Violation::rule)
                        .containsExactlyInAnyOrder(
                                tuple("classification.rating", "Size"),
                                tuple("classification.categories", "NotBlank"),
                                tuple("classification.categories", "NotBlank"),
                                tuple("classification.categories", "Size")));
    }

    @Test
    void categoriesCannotBeChangedAfterwards() {
        Set<String> categories = new HashSet<>(Set.of("reseller"));
        Classification c = new Classification(null, categories);
        categories.add("later");

        assertThat(c.categories()).containsExactly("reseller");
        assertThatThrownBy(() -> c.categories().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
