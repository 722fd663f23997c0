package org.crm4j.reports.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.crm4j.ValidationException;
import org.crm4j.plugin.TemplateEngine;
import org.crm4j.plugin.TemplateEngine.Markup;
import org.junit.jupiter.api.Test;

class MustacheTemplateEngineTest {
    private final TemplateEngine engine = new MustacheTemplateEngine();

    @Test
    void text_writesValuesAsTheyAre() {
        var template = engine.compile("subject", "Contract of {{customer}} with {{supplier}} ends", Markup.TEXT);
        assertThat(template.render(Map.of("customer", "Müller & Söhne <GmbH>", "supplier", "O'Brien")))
                .isEqualTo("Contract of Müller & Söhne <GmbH> with O'Brien ends");
        assertThat(template.name()).isEqualTo("subject");
    }

    @Test
    void html_escapesValues() {
        var template = engine.compile("body", "<p>{{customer}}</p>", Markup.HTML);
        assertThat(template.render(Map.of("customer", "Müller & Söhne <GmbH>")))
                .isEqualTo("<p>Müller &amp; Söhne &lt;GmbH&gt;</p>");
    }

    @Test
    void unknownPlaceholder_isRefusedNamingItAndTheTemplate() {
        var template = engine.compile("reminder.body", "Hello {{recipientName}}, {{startz}} is near", Markup.TEXT);
        assertThatThrownBy(() -> template.render(Map.of("recipientName", "Sam")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("template");
                        assertThat(v.rule()).isEqualTo("UnknownPlaceholder");
                        assertThat(v.message()).contains("'startz'").contains("'reminder.body'");
                    });
                });
    }

    @Test
    void unknownSection_isRefusedToo() {
        var template = engine.compile("t", "{{#lines}}{{name}}{{/lines}}", Markup.TEXT);
        assertThatThrownBy(() -> template.render(Map.of()))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("'lines'"));
    }

    @Test
    void sectionsAndNestedValues_renderAndAreCheckedInsideTheSection() {
        var template = engine.compile("t", "{{#lines}}{{name}};{{/lines}}{{deal.title}}", Markup.TEXT);
        assertThat(template.render(Map.of("lines", List.of(Map.of("name", "a"), Map.of("name", "b")),
                "deal", Map.of("title", "CNC")))).isEqualTo("a;b;CNC");
        assertThatThrownBy(() -> template.render(Map.of("lines", List.of(Map.of("nam", "a")),
                "deal", Map.of("title", "CNC"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().get(0).message()).contains("'name'"));
    }

    @Test
    void aNullValue_writesNothing() {
        Map<String, Object> values = new HashMap<>();
        values.put("note", null);
        assertThat(engine.compile("t", "[{{note}}]", Markup.TEXT).render(values)).isEqualTo("[]");
    }

    @Test
    void badSyntax_isATemplateSyntaxError() {
        assertThatThrownBy(() -> engine.compile("broken", "{{#open}} never closed", Markup.TEXT))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations().get(0).rule()).isEqualTo("TemplateSyntax");
                    assertThat(e.violations().get(0).message()).contains("'broken'");
                });
    }

    @Test
    void compiledTemplate_isReusable() {
        var template = engine.compile("t", "{{a}}", Markup.TEXT);
        assertThat(template.render(Map.of("a", "1"))).isEqualTo("1");
        assertThat(template.render(Map.of("a", "2"))).isEqualTo("2");
    }

    @Test
    void isFoundByServiceLoader() {
        assertThat(ServiceLoader.load(TemplateEngine.class).findFirst()).get()
                .isInstanceOf(MustacheTemplateEngine.class);
    }
}
