package org.crm4j.sales;

import java.util.List;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.ExternalRef;

/**
 * A document an import refused, and why: each broken rule names its field, a line's field with the
 * line's index, e.g. {@code lines[3].quantity}.
 *
 * @param position the document's place in the input, from 1
 * @param externalRef its ERP reference, or null when it had none
 * @param violations every broken rule
 */
public record RejectedDocument(long position, ExternalRef externalRef, List<Violation> violations) {

    /** Copies the list. */
    public RejectedDocument {
        violations = List.copyOf(violations);
    }
}
