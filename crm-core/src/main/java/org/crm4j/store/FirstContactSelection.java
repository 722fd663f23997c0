package org.crm4j.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * Which first contacts (R9) a report counts, as a store sums them: those made in the periods
 * between consecutive {@code boundaries} (period {@code i} is {@code [boundaries[i],
 * boundaries[i+1])}), each asking whether the customer got a deal owned by the salesperson opened
 * at or after the contact and less than {@code dealWindow} after it.
 *
 * @param boundaries the periods' starts and the end of the last, strictly increasing; at least two
 * @param dealWindow how long after a first contact a deal counts as following from it; positive
 */
public record FirstContactSelection(List<Instant> boundaries, Duration dealWindow) {

    /** @throws ValidationException listing every broken rule */
    public FirstContactSelection {
        List<Violation> violations = new ArrayList<>();
        if (boundaries == null || boundaries.size() < 2 || boundaries.contains(null)) {
            violations.add(new Violation("boundaries", "Size", "at least two instants, none null"));
        } else {
            for (int i = 1; i < boundaries.size(); i++) {
                if (!boundaries.get(i).isAfter(boundaries.get(i - 1))) {
                    violations.add(new Violation("boundaries", "Increasing", "boundary " + i + " ("
                            + boundaries.get(i) + ") is not after the one before"));
                    break;
                }
            }
        }
        if (dealWindow == null || dealWindow.isNegative() || dealWindow.isZero()) {
            violations.add(new Violation("dealWindow", "Positive", "must be positive, was " + dealWindow));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        boundaries = List.copyOf(boundaries);
    }

    /** @return how many periods there are */
    public int periods() {
        return boundaries.size() - 1;
    }
}
