package org.crm4j.plugin;

import org.crm4j.notify.MailMessage;

/**
 * Hands a rendered e-mail to the host's mail system, so that the library needs no SMTP server of
 * its own. Used by the e-mail notification channel and by mailings. Registered on the builder.
 *
 * <p>{@link MailMessage#messageId()} is stable for one message to one recipient: a sender that
 * remembers it can drop the rare second hand-off after a crash between sending and recording.
 */
@FunctionalInterface
public interface MailSender {

    /**
     * @param message the message
     * @throws Exception when it could not be handed off; it is tried again on a later run
     */
    void send(MailMessage message) throws Exception;
}
