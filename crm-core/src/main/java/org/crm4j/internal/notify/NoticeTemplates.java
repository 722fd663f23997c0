package org.crm4j.internal.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.notify.NoticeTemplate;
import org.crm4j.plugin.TemplateEngine;
import org.crm4j.plugin.TemplateEngine.Markup;
import org.crm4j.plugin.TemplateEngine.Template;

/**
 * The templates of the kinds of notices: the host's (from the builder), else the rule's own, else
 * crm4j's built-in one (the resource {@code org/crm4j/notify/templates/<kind>.txt}: the subject on
 * the first line, a blank line, then the body). Each is compiled once, as plain text, and checked
 * by rendering it with every value its kind declares, so that a placeholder the kind does not
 * supply is refused, naming it, before any notice is made.
 */
public final class NoticeTemplates {
    /** Values every notice has. */
    static final Set<String> COMMON = Set.of("recipient", "recipientName");
    private static final String RESOURCES = "org/crm4j/notify/templates/";

    private final Supplier<TemplateEngine> engine;
    private final Map<String, NoticeTemplate> sources;
    private final Map<String, Set<String>> placeholders;
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

    /** A kind's compiled subject and body. */
    private record Compiled(Template subject, Template body) {
    }

    /** A rendered subject and body. */
    record Rendered(String subject, String body) {
    }

    private NoticeTemplates(Supplier<TemplateEngine> engine, Map<String, NoticeTemplate> sources,
            Map<String, Set<String>> placeholders) {
        this.engine = engine;
        this.sources = sources;
        this.placeholders = placeholders;
    }

    /**
     * @param engine the template engine, asked for when a template is first needed
     * @param kinds every kind of notice, with the values it declares
     * @param defaults the rules' own templates, by kind
     * @param overrides the host's templates, by kind
     * @return the templates
     * @throws ValidationException when the host overrides a kind that no rule makes
     * @throws CrmException when a kind has no template at all
     */
    public static NoticeTemplates of(Supplier<TemplateEngine> engine, Map<String, Set<String>> kinds,
            Map<String, NoticeTemplate> defaults, Map<String, NoticeTemplate> overrides) {
        for (String kind : overrides.keySet()) {
            if (!kinds.containsKey(kind)) {
                throw new ValidationException("noticeTemplate." + kind, "KnownKind", "no rule makes notices of kind '"
                        + kind + "'; the kinds are " + new java.util.TreeSet<>(kinds.keySet()));
            }
        }
        Map<String, NoticeTemplate> sources = new LinkedHashMap<>();
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> kind : kinds.entrySet()) {
            NoticeTemplate source = overrides.get(kind.getKey());
            if (source == null) {
                source = defaults.get(kind.getKey());
            }
            if (source == null) {
                source = builtIn(kind.getKey());
            }
            sources.put(kind.getKey(), source);
            Set<String> all = new LinkedHashSet<>(COMMON);
            all.addAll(kind.getValue());
            names.put(kind.getKey(), Set.copyOf(all));
        }
        return new NoticeTemplates(engine, Map.copyOf(sources), Map.copyOf(names));
    }

    /**
     * Compiles and checks every template now.
     *
     * @throws ValidationException (field {@code template}) naming a bad template and placeholder
     */
    public void checkAll() {
        sources.keySet().forEach(this::compiled);
    }

    /** @return the kinds there are templates for */
    Set<String> kinds() {
        return sources.keySet();
    }

    /**
     * @param kind a kind of notice
     * @param values its values, with the common ones
     * @return the subject and body
     * @throws ValidationException when a placeholder has no value
     * @throws CrmException when the kind is unknown
     */
    Rendered render(String kind, Map<String, String> values) {
        Compiled c = compiled(kind);
        return new Rendered(c.subject().render(values).strip(), c.body().render(values));
    }

    private Compiled compiled(String kind) {
        Compiled c = compiled.get(kind);
        if (c != null) {
            return c;
        }
        NoticeTemplate source = sources.get(kind);
        if (source == null) {
            throw new CrmException("No rule makes notices of kind '" + kind + "'");
        }
        TemplateEngine templates = engine.get();
        Compiled made = new Compiled(templates.compile(kind + ".subject", source.subject(), Markup.TEXT),
                templates.compile(kind + ".body", source.body(), Markup.TEXT));
        Map<String, String> sample = new LinkedHashMap<>();
        placeholders.get(kind).forEach(name -> sample.put(name, name));
        made.subject().render(sample);
        made.body().render(sample);
        compiled.put(kind, made);
        return made;
    }

    private static NoticeTemplate builtIn(String kind) {
        String path = RESOURCES + kind + ".txt";
        try (InputStream in = NoticeTemplates.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new CrmException("Notices of kind '" + kind + "' have no template: give one with"
                        + " Crm.builder().noticeTemplate(\"" + kind + "\", ...) or from the rule's defaultTemplate()");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            int end = text.indexOf('\n');
            String subject = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 1).replaceFirst("^\n", "");
            return new NoticeTemplate(subject, body);
        } catch (IOException e) {
            throw new CrmException("The notice template " + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
