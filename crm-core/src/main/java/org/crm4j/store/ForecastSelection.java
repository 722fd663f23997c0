package org.crm4j.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * Which open deals a cash-flow forecast sums, and how: by {@code period} of their expected close
 * date, over the dates {@code [from, to)}, optionally only in some pipelines, grouped by owner or
 * pipeline (and always by currency).
 *
 * @param period months or ISO weeks
 * @param from the first expected close date included
 * @param to the first expected close date no longer included; after {@code from}
 * @param pipelineIds the pipelines to include; empty for all
 * @param grouping what the rows are grouped by
 */
public record ForecastSelection(ForecastPeriod period, LocalDate from, LocalDate to, Set<Long> pipelineIds,
        ForecastGrouping grouping) {

    /** @throws ValidationException listing every missing value, and when {@code from} is not before {@code to} */
    public ForecastSelection {
        List<Violation> violations = new ArrayList<>();
        notNull(period, "period", violations);
        notNull(from, "from", violations);
        notNull(to, "to", violations);
        notNull(pipelineIds, "pipelineIds", violations);
        notNull(grouping, "grouping", violations);
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(new Violation("from", "BeforeTo", "must be before " + to + ", was " + from));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        pipelineIds = Set.copyOf(pipelineIds);
    }

    private static void notNull(Object value, String field, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "NotNull", "cannot be null"));
        }
    }
}
