package org.crm4j.imports;

import java.util.List;
import org.crm4j.lead.DuplicateMatch;

/**
 * A new row that looks like one or more existing customers, as the duplicate check of inbound
 * leads scores them ({@link DuplicateMatch}, customers only, best first).
 *
 * @param line the row's line in its source, or its position from 1
 * @param externalRef the row's reference, {@code system:id}
 * @param matches the customers it looks like, each with its id, score and reasons
 * @param created whether it was created all the same ({@link ImportOptions.DuplicatePolicy#CREATE_ANYWAY})
 */
public record LikelyDuplicate(long line, String externalRef, List<DuplicateMatch> matches, boolean created) {

    /** Copies the list. */
    public LikelyDuplicate {
        matches = List.copyOf(matches);
    }
}
