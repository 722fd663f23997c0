package org.crm4j.mailing;

import org.crm4j.ValidationException;
import org.crm4j.customer.Purpose;

/**
 * What a new mailing (or a draft's new content) is: a name, an audience, the purpose the contacts
 * must have consented to, and the templates of the subject and the bodies.
 *
 * <pre>{@code
 * NewMailing spring = NewMailing.of("Spring news", Audience.segment(Criteria.tagged("cnc")))
 *         .purpose(Purpose.NEWSLETTER)
 *         .subject("News for {{customer.name}}")
 *         .text("Dear {{contact.firstName}},\n...\nUnsubscribe: {{unsubscribeUrl}}")
 *         .unsubscribeLink("https://example.com/unsubscribe?c={contactId}");
 * }</pre>
 *
 * <p>The templates see these values (a template naming another placeholder is refused when the
 * mailing is created):
 * <ul>
 * <li>{@code recipient.name}, {@code recipient.firstName}, {@code recipient.lastName},
 *     {@code recipient.email}: whoever receives it (the first name is the name's first word, the
 *     last name its last word);</li>
 * <li>{@code sender.name}, {@code sender.id}: the mailing's owner as the user directory names them;</li>
 * <li>{@code mailing.name};</li>
 * <li>for a segment only: {@code contact.name}, {@code contact.firstName}, {@code contact.lastName},
 *     {@code contact.email} (the same as {@code recipient.*}), {@code customer.name}, and
 *     {@code unsubscribeUrl} when an unsubscribe link is set.</li>
 * </ul>
 * The subject and the text body are written as they are, the HTML body with its values escaped.
 */
public final class NewMailing {
    private final String name;
    private final Audience audience;
    private Purpose purpose;
    private String subject;
    private String text;
    private String html;
    private String unsubscribeLink;

    private NewMailing(String name, Audience audience) {
        this.name = name;
        this.audience = audience;
    }

    /**
     * @param name what the mailing is called, 1 to 200 characters
     * @param audience who it goes to
     * @return the mailing to describe further
     */
    public static NewMailing of(String name, Audience audience) {
        return new NewMailing(name, ValidationException.requireNonNull(audience, "audience"));
    }

    /**
     * @param p what the contacts must have consented to; required for a segment, not used for employees
     * @return this
     */
    public NewMailing purpose(Purpose p) {
        this.purpose = p;
        return this;
    }

    /**
     * @param template the subject's template, 1 to 500 characters
     * @return this
     */
    public NewMailing subject(String template) {
        this.subject = template;
        return this;
    }

    /**
     * @param template the plain-text body's template, 1 to 100,000 characters
     * @return this
     */
    public NewMailing text(String template) {
        this.text = template;
        return this;
    }

    /**
     * @param template the HTML body's template (up to 200,000 characters), or null for plain text only
     * @return this
     */
    public NewMailing html(String template) {
        this.html = template;
        return this;
    }

    /**
     * @param pattern an http(s) address with {@code {contactId}} in it, which becomes each
     *     contact's {@code unsubscribeUrl} (the host's page that calls {@code consents().unsubscribe});
     *     only for a segment
     * @return this
     */
    public NewMailing unsubscribeLink(String pattern) {
        this.unsubscribeLink = pattern;
        return this;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the audience */
    public Audience audience() {
        return audience;
    }

    /** @return the purpose, or null */
    public Purpose purpose() {
        return purpose;
    }

    /** @return the subject's template, or null */
    public String subject() {
        return subject;
    }

    /** @return the text body's template, or null */
    public String text() {
        return text;
    }

    /** @return the HTML body's template, or null */
    public String html() {
        return html;
    }

    /** @return the unsubscribe link's pattern, or null */
    public String unsubscribeLink() {
        return unsubscribeLink;
    }
}
