package org.crm4j.notify;

import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * The plain-text template of one kind of notice: a subject line and a body, in the syntax of the
 * CRM's {@link org.crm4j.plugin.TemplateEngine} (Mustache with crm-reports:
 * {@code Contract with {{supplier}} ends on {{endsOn}}}). Every placeholder must be a value the
 * kind supplies; {@code Crm.Builder.build()} refuses a template naming another one.
 *
 * @param subject the subject line's template
 * @param body the body's template
 */
public record NoticeTemplate(String subject, String body) {

    /** @throws ValidationException when the subject or body is blank */
    public NoticeTemplate {
        List<Violation> violations = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            violations.add(new Violation("subject", "NotBlank", "a notice template needs a subject"));
        }
        if (body == null) {
            violations.add(new Violation("body", "NotNull", "a notice template needs a body"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param subject the subject line's template
     * @param body the body's template
     * @return the template
     */
    public static NoticeTemplate of(String subject, String body) {
        return new NoticeTemplate(subject, body);
    }
}
