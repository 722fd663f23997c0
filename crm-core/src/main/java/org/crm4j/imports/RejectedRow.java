package org.crm4j.imports;

import java.util.List;
import org.crm4j.ValidationException.Violation;

/**
 * A row that broke a rule and was not imported, with every broken field and rule, e.g. field
 * {@code contacts[0].email}, rule {@code Format}.
 *
 * @param line the row's line in its source ({@link ImportRow#line}), or its position from 1
 * @param externalRef the reference as given, {@code system:id}
 * @param violations every broken rule, not empty
 */
public record RejectedRow(long line, String externalRef, List<Violation> violations) {

    /** Copies the list. */
    public RejectedRow {
        violations = List.copyOf(violations);
    }
}
