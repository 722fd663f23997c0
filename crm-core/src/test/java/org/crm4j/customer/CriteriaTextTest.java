package org.crm4j.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.crm4j.ValidationException;
import org.junit.jupiter.api.Test;

class CriteriaTextTest {

    @Test
    void format_thenParse_givesAnEqualTree() {
        Criterion tree = Criteria.and(
                Criteria.in(CustomerField.CITY, "Berlin", "Ham\"burg\\"),
                Criteria.or(Criteria.tagged("vip"), Criteria.inCategory("reseller")),
                Criteria.not(Criteria.rated("C")),
                Criteria.text(CustomerField.NAME, Criterion.TextMode.CONTAINS, "gmbh, (berlin)"),
                Criteria.compare(CustomerField.CREATED_AT, Criterion.Op.GE, Instant.parse("2026-01-01T00:00:00Z")),
                Criteria.eq(CustomerField.KIND, CustomerKind.COMPANY),
                Criteria.eq(CustomerField.STATUS, CustomerStatus.ACTIVE),
                Criteria.eq(CustomerField.TAX_ID, "de 123 456 789"));

        String text = CriteriaText.format(tree);

        assertThat(CriteriaText.parse(text)).isEqualTo(tree);
        assertThat(CriteriaText.format(CriteriaText.parse(text))).isEqualTo(text);
        assertThat(CriteriaText.parse(" and( tag(\"a\") , not(tag(\"b\")) ) "))
                .isEqualTo(Criteria.and(Criteria.tagged("a"), Criteria.not(Criteria.tagged("b"))));
    }

    @Test
    void parse_refusesWhatIsNoTree() {
        for (String bad : new String[] {"", "tag(\"a\"", "tag(a)", "cmp(CITY,EQ,\"x\") tag(\"b\")", "foo(\"x\")",
                "cmp(NOFIELD,EQ,\"x\")", "cmp(CREATED_AT,GE,\"yesterday\")", "cmp(STATUS,EQ,GONE)", "and()"}) {
            assertThatThrownBy(() -> CriteriaText.parse(bad)).as(bad).isInstanceOf(ValidationException.class);
        }
    }

    @Test
    void aTextDeeperThanATreeMayBeIsRefusedBeforeItIsRead() {
        String deep = "not(".repeat(100_000) + "tag(\"vip\")" + ")".repeat(100_000);

        assertThatThrownBy(() -> CriteriaText.parse(deep)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(ValidationException.Violation::field,
                        ValidationException.Violation::rule).containsExactly(tuple("criteria", "Depth")));
    }
}
