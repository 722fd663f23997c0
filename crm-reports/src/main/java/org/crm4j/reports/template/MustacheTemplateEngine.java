package org.crm4j.reports.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.reflect.Guard;
import com.github.mustachejava.reflect.MissingWrapper;
import com.github.mustachejava.reflect.ReflectionObjectHandler;
import com.github.mustachejava.util.GuardException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.plugin.TemplateEngine;

/**
 * {@link TemplateEngine} on Mustache (the engine of the offer documents), strict: a placeholder,
 * section or inverted section whose name the values do not hold (at any level of the context) is
 * an error naming it and the template, never an empty string. A name present with the value
 * {@code null} is written as nothing. {@link Markup#TEXT} writes values as they are,
 * {@link Markup#HTML} escapes them for HTML. Partials ({@code {{> name}}}) are not read: a
 * template is one text.
 *
 * <p>Found by crm-core with {@link java.util.ServiceLoader}; a host may also register it with
 * {@code Crm.builder().templateEngine(new MustacheTemplateEngine())}. Thread-safe.
 */
public final class MustacheTemplateEngine implements TemplateEngine {
    /** Creates the engine; {@link java.util.ServiceLoader} calls this. */
    public MustacheTemplateEngine() {
    }

    @Override
    public Template compile(String name, String source, Markup markup) {
        ValidationException.requireNonNull(name, "name");
        ValidationException.requireNonNull(source, "template");
        ValidationException.requireNonNull(markup, "markup");
        // one factory per template: the factory caches by name, and two texts may share one name
        Factory factory = new Factory(markup == Markup.HTML);
        Mustache mustache;
        try {
            mustache = factory.compile(new StringReader(source), name);
        } catch (MustacheException e) {
            throw new ValidationException("template", "TemplateSyntax", "template '" + name + "' is no valid"
                    + " Mustache template: " + e.getMessage());
        }
        return new Compiled(name, mustache);
    }

    /** The factory of one markup: HTML escapes, text writes values as they are. */
    private static final class Factory extends DefaultMustacheFactory {
        private final boolean escape;

        Factory(boolean escape) {
            this.escape = escape;
            setObjectHandler(new StrictHandler());
        }

        @Override
        public void encode(String value, Writer writer) {
            if (escape) {
                super.encode(value, writer);
            } else {
                try {
                    writer.write(value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public Mustache compilePartial(String name) {
            throw new MustacheException("partials are not supported ({{> " + name + "}})");
        }
    }

    /** Finds values as Mustache does, but a name found nowhere fails when it is written. */
    private static final class StrictHandler extends ReflectionObjectHandler {
        @Override
        protected MissingWrapper createMissingWrapper(String name, List<Guard> guards) {
            return new MissingWrapper(name, guards.toArray(new Guard[0])) {
                @Override
                public Object call(List<Object> scopes) throws GuardException {
                    guardCall(scopes);
                    throw new UnknownName(name);
                }
            };
        }
    }

    /** A name the values do not hold. */
    private static final class UnknownName extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String placeholder;

        UnknownName(String placeholder) {
            super(placeholder, null, false, false);
            this.placeholder = placeholder;
        }
    }

    private record Compiled(String name, Mustache mustache) implements Template {
        @Override
        public String render(Map<String, ?> values) {
            ValidationException.requireNonNull(values, "values");
            StringWriter out = new StringWriter();
            try {
                mustache.execute(out, values).flush();
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof UnknownName unknown) {
                        throw new ValidationException("template", "UnknownPlaceholder", "template '" + name
                                + "' uses the placeholder '" + unknown.placeholder + "', which has no value");
                    }
                }
                throw new CrmException("Template '" + name + "' could not be rendered: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new CrmException("Template '" + name + "' could not be written: " + e.getMessage(), e);
            }
            return out.toString();
        }
    }
}
