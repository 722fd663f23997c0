package org.crm4j.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Collections;

/**
 * A notice to one employee (R15): a reminder, a notice from a rule ("the contract with a
 * competitor ends on ...") or from an event (a stalled deal, an overdue request), rendered from
 * its kind's template when it was created. There is one notice per cause and recipient (its
 * {@link #key()}); it is delivered once through every notification channel and kept in the
 * recipient's {@link Inbox}.
 *
 * @param id the id
 * @param key what caused it, unique per recipient, e.g. {@code competitor-contract:12}
 * @param kind which template it was rendered from, e.g. {@code competitor-contract}
 * @param recipientId the employee (a user id of the directory) it is for
 * @param customerId the customer it concerns, or null
 * @param subject the rendered subject line
 * @param body the rendered plain-text body
 * @param values the values it was rendered from, e.g. {@code customerName}
 * @param createdAt when it was created
 * @param inboxAt when it arrived in the recipient's inbox, or null before
 * @param readAt when the recipient marked it read, or null while unread
 */
public record Notice(NoticeId id, String key, String kind, String recipientId, Long customerId, String subject,
        String body, Map<String, String> values, Instant createdAt, Instant inboxAt, Instant readAt) {

    /** Copies the values into a sorted, unmodifiable map. */
    public Notice {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** @return whether the recipient marked it read */
    public boolean isRead() {
        return readAt != null;
    }

    /** @return the customer it concerns */
    public Optional<Long> customer() {
        return Optional.ofNullable(customerId);
    }
}
