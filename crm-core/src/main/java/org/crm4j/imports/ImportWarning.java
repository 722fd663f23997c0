package org.crm4j.imports;

/**
 * A value an import took in altered or left out, without refusing its row: a phone number that is
 * not valid under today's numbering plans (kept, normalised) or cannot be read (left out).
 *
 * @param line the row's number
 * @param externalRef the row's reference, as {@code system:id}
 * @param field the field, e.g. {@code contacts[0].phone}
 * @param value the value as the source gave it
 * @param message what was done with it, and why
 */
public record ImportWarning(long line, String externalRef, String field, String value, String message) {
}
