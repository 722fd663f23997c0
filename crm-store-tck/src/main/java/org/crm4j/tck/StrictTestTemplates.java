package org.crm4j.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crm4j.ValidationException;
import org.crm4j.plugin.TemplateEngine;

/**
 * A small strict template engine for tests: {@code {{a.b}}} is replaced by the value at that path
 * of nested maps; a path the values do not supply is an {@code UnknownPlaceholder} error naming
 * it, an unclosed {@code {{} a {@code TemplateSyntax} error. HTML markup escapes the values.
 */
public final class StrictTestTemplates implements TemplateEngine {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.]+)\\s*}}");

    @Override
    public Template compile(String name, String source, Markup markup) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int at = 0;
        while (m.find()) {
            parts.add(source.substring(at, m.start()));
            parts.add(new String[] {m.group(1)});
            at = m.end();
        }
        String rest = source.substring(at);
        if (rest.contains("{{") || parts.stream().anyMatch(p -> p instanceof String s && s.contains("{{"))) {
            throw new ValidationException("template", "TemplateSyntax", "template " + name
                    + " has a '{{' that is not closed by '}}'");
        }
        parts.add(rest);
        return new Template() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String render(Map<String, ?> values) {
                StringBuilder out = new StringBuilder();
                for (Object part : parts) {
                    if (part instanceof String text) {
                        out.append(text);
                    } else {
                        String path = ((String[]) part)[0];
                        String value = lookup(values, path, name);
                        out.append(markup == Markup.HTML ? escape(value) : value);
                    }
                }
                return out.toString();
            }
        };
    }

    private static String lookup(Map<String, ?> values, String path, String template) {
        Object current = values;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                throw new ValidationException("template", "UnknownPlaceholder", "template " + template
                        + " names the unknown placeholder '" + path + "'");
            }
            current = map.get(key);
        }
        if (current instanceof Map<?, ?>) {
            throw new ValidationException("template", "UnknownPlaceholder", "template " + template
                    + " names '" + path + "', which is no value");
        }
        return current == null ? "" : current.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
