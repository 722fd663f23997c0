package org.crm4j.notify;

import java.util.Objects;

/**
 * An e-mail as the library hands it to the host's {@link org.crm4j.plugin.MailSender}.
 *
 * @param messageId stable for this message to this recipient, e.g. {@code notice-42@crm4j}
 * @param to the recipient's address
 * @param toName the recipient's name to show, or null
 * @param subject the subject line
 * @param text the plain-text body
 * @param html the HTML body, or null for plain text only
 */
public record MailMessage(String messageId, String to, String toName, String subject, String text, String html) {

    /** @throws NullPointerException when the id, address, subject or text is missing */
    public MailMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
