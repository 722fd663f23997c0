package org.crm4j.plugin;

import java.util.Map;

/**
 * Turns template text into messages: notices to employees and mailings (R15, R16). crm-reports
 * ships one on Mustache (the engine of its offer documents), found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/org.crm4j.plugin.TemplateEngine};
 * a host may register its own on the builder instead.
 *
 * <p>Templates are strict: a placeholder that the values do not supply is an error naming it,
 * never an empty string in a message somebody receives.
 */
public interface TemplateEngine {

    /** How the values are written into the text. */
    enum Markup {
        /** As they are: subjects and plain-text bodies. */
        TEXT,
        /** Escaped for HTML: HTML bodies. */
        HTML
    }

    /**
     * @param name the template's name, used in error messages
     * @param source the template text
     * @param markup how values are written
     * @return the compiled template, safe to use from several threads
     * @throws org.crm4j.ValidationException (field {@code template}, rule {@code TemplateSyntax})
     *     when the text is no valid template
     */
    Template compile(String name, String source, Markup markup);

    /** A compiled template. */
    interface Template {

        /** @return its name */
        String name();

        /**
         * @param values the placeholders' values; nested maps and lists for sections
         * @return the text
         * @throws org.crm4j.ValidationException (field {@code template}, rule
         *     {@code UnknownPlaceholder}) naming the first placeholder that the values do not supply
         */
        String render(Map<String, ?> values);
    }
}
