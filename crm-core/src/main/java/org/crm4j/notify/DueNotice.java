package org.crm4j.notify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * A notice a rule says is due: what caused it, for whom, and the values its template is
 * rendered with. Creating it is idempotent: a notice with the same key for the same recipient
 * exists at most once, so a rule may yield it on every run.
 *
 * @param key what caused it, unique per cause, e.g. {@code renewal:service-7:2026-09-30}; at most
 *     200 characters
 * @param kind which template renders it (a kind the rule declares)
 * @param recipientId the employee it is for: a user id of the directory, never a customer
 * @param customerId the customer it concerns, or null
 * @param values the template's values; {@code recipient} and {@code recipientName} are added
 *     when absent
 */
public record DueNotice(String key, String kind, String recipientId, Long customerId, Map<String, String> values) {
    /** The longest key. */
    public static final int MAX_KEY = 200;

    /**
     * Copies the values and checks the fields, reporting every broken rule.
     *
     * @throws ValidationException when the key, kind or recipient is blank or the key too long
     */
    public DueNotice {
        List<Violation> violations = new ArrayList<>();
        if (key == null || key.isBlank()) {
            violations.add(new Violation("key", "NotBlank", "a notice needs the key of its cause"));
        } else if (key.length() > MAX_KEY) {
            violations.add(new Violation("key", "Size", "at most " + MAX_KEY + " characters, was " + key.length()));
        }
        if (kind == null || kind.isBlank()) {
            violations.add(new Violation("kind", "NotBlank", "a notice needs a kind"));
        }
        if (recipientId == null || recipientId.isBlank()) {
            violations.add(new Violation("recipientId", "NotBlank", "a notice needs a recipient"));
        }
        if (values == null || values.keySet().stream().anyMatch(Objects::isNull)) {
            violations.add(new Violation("values", "NotNull", "cannot be or contain a null name"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
