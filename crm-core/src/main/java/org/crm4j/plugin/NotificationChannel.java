package org.crm4j.plugin;

import org.crm4j.notify.Notice;

/**
 * A way notices reach employees: crm4j has the in-app inbox ({@code inbox}) and, when a
 * {@link MailSender} is registered, e-mail ({@code email}); a host or plugin adds others (chat,
 * push). Registered on the builder, by a plugin or found with {@link java.util.ServiceLoader}
 * under {@code META-INF/services/org.crm4j.plugin.NotificationChannel}; ids are unique.
 *
 * <p>Each notice is handed to each channel once: the delivery is claimed in the store, so two
 * application nodes running due work at the same time never both deliver it. A delivery that
 * throws is tried again on a later run (the channel should be idempotent on {@link Notice#id()}
 * for the rare second hand-off after a crash between delivering and recording it). Called
 * outside any transaction; implementations must be thread-safe.
 */
public interface NotificationChannel {

    /** What became of one delivery. */
    enum Outcome {
        /** It was delivered. */
        DELIVERED,
        /** The channel cannot reach this recipient (e.g. no e-mail address); it is not tried again. */
        UNREACHABLE
    }

    /** @return a unique id, e.g. {@code slack}; at most 50 characters */
    String id();

    /**
     * @param notice the rendered notice (subject and body)
     * @param recipient the employee as the directory knows them (only the id when it no longer does)
     * @return whether it was delivered
     * @throws Exception when it could not be delivered now; it is tried again later
     */
    Outcome deliver(Notice notice, DirectoryUser recipient) throws Exception;
}
