package org.crm4j.internal.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.notify.NoticeKinds;
import org.crm4j.notify.NoticeTemplate;
import org.crm4j.plugin.EventNoticeRule;
import org.crm4j.plugin.NoticeRule;
import org.crm4j.plugin.TemplateEngine;
import org.junit.jupiter.api.Test;

class NoticeTemplatesTest {
    /** A strict engine that knows only {{name}}. */
    private static final TemplateEngine ENGINE = (name, source, markup) -> new TemplateEngine.Template() {
        @Override
        public String name() {
            return name;
        }

        @Override
        public String render(Map<String, ?> values) {
            Matcher m = Pattern.compile("\\{\\{(\\w+)}}").matcher(source);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                if (!values.containsKey(m.group(1))) {
                    throw new ValidationException("template", "UnknownPlaceholder", "template '" + name
                            + "' uses the placeholder '" + m.group(1) + "', which has no value");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(values.get(m.group(1)))));
            }
            return m.appendTail(out).toString();
        }
    };

    private static Map<String, Set<String>> builtInKinds() {
        Map<String, Set<String>> kinds = new HashMap<>();
        for (NoticeRule rule : BuiltInNotices.rules(90, new org.crm4j.internal.sales.RenewalNotices(30, Map.of()))) {
            kinds.put(rule.kind(), rule.placeholders());
        }
        for (EventNoticeRule rule : BuiltInNotices.eventRules()) {
            kinds.put(rule.kind(), rule.placeholders());
        }
        return kinds;
    }

    @Test
    void builtInTemplates_useOnlyTheValuesOfTheirKinds() {
        NoticeTemplates templates = NoticeTemplates.of(() -> ENGINE, builtInKinds(), Map.of(), Map.of());
        templates.checkAll();
        assertThat(templates.kinds()).containsExactlyInAnyOrder(NoticeKinds.REMINDER, NoticeKinds.COMPETITOR_CONTRACT, NoticeKinds.SERVICE_RENEWAL,
                NoticeKinds.OPPORTUNITY_STALLED, NoticeKinds.REQUEST_OVERDUE);
    }

    @Test
    void builtInTemplate_hasItsSubjectOnTheFirstLine() {
        NoticeTemplates templates = NoticeTemplates.of(() -> ENGINE, builtInKinds(), Map.of(), Map.of());
        Map<String, String> values = new HashMap<>(Map.of("request", "9", "level", "2", "due", "yesterday",
                "customer", "", "recipient", "mia", "recipientName", "Mia"));
        var rendered = templates.render(NoticeKinds.REQUEST_OVERDUE, values);
        assertThat(rendered.subject()).isEqualTo("Request 9 is overdue (level 2)");
        assertThat(rendered.body()).startsWith("Hello Mia,");
    }

    @Test
    void hostTemplate_withAPlaceholderTheKindDoesNotSupply_isRefusedNamingIt() {
        NoticeTemplates templates = NoticeTemplates.of(() -> ENGINE, builtInKinds(), Map.of(),
                Map.of(NoticeKinds.REMINDER, NoticeTemplate.of("{{type}} soon", "{{startTime}}")));
        assertThatThrownBy(templates::checkAll).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().get(0).message()).contains("'startTime'").contains("reminder.body"));
    }

    @Test
    void hostTemplate_forAKindNoRuleMakes_isRefused() {
        assertThatThrownBy(() -> NoticeTemplates.of(() -> ENGINE, builtInKinds(), Map.of(),
                Map.of("renewal", NoticeTemplate.of("a", "b"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("noticeTemplate.renewal"));
    }

    @Test
    void kindWithoutAnyTemplate_isAnError() {
        assertThatThrownBy(() -> NoticeTemplates.of(() -> ENGINE, Map.of("renewal", Set.of()), Map.of(), Map.of()))
                .isInstanceOf(CrmException.class).hasMessageContaining("'renewal' have no template");
    }
}
