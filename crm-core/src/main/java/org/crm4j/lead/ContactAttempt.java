package org.crm4j.lead;

import java.time.Instant;
import org.crm4j.ValidationException;

/**
 * One attempt to contact a lead's customer, as a dated note.
 *
 * @param by who tried
 * @param at when
 * @param text what happened, at most 2000 characters
 */
public record ContactAttempt(String by, Instant at, String text) {
    /** The longest text kept. */
    public static final int MAX_TEXT = 2000;

    /** @throws ValidationException when a part is missing, the text too long or holding U+0000 or a lone surrogate */
    public ContactAttempt {
        ValidationException.requireNonNull(by, "attempt.by");
        ValidationException.requireNonNull(at, "attempt.at");
        if (text == null || text.isBlank()) {
            throw new ValidationException("attempt.text", "NotBlank", "say how the contact went");
        }
        text = text.strip();
        if (text.length() > MAX_TEXT) {
            throw new ValidationException("attempt.text", "Size", "must be at most " + MAX_TEXT + " characters");
        }
        org.crm4j.common.Storable.requireStorable(text, "attempt.text");
    }
}
