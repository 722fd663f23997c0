package org.crm4j.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * Which open deals count as stalled (R25): those with no activity for {@code idleDays} days (see
 * {@link StallReason#IDLE}) and, when {@code pastExpectedClose} is set, those whose expected close
 * date lies before today (see {@link StallReason#OVERDUE}). Days are counted on the CRM's clock;
 * "today" is the current date in the zone of the CRM's clock ({@code Crm.builder().clock(...)}).
 *
 * <pre>{@code
 * Page<StalledDeal> page = crm.as(mia).opportunities().stalled(StallCriteria.idleFor(14).build());
 * }</pre>
 *
 * @param idleDays how many days without activity make a deal stalled; 1 to 3650
 * @param pastExpectedClose whether open deals past their expected close date are stalled too
 * @param pipelineId only deals of this pipeline, or null for every pipeline
 * @param limit deals per page of {@link Opportunities#stalled}, or at most how many deals one run of
 *     {@code Crm.detectStalledDeals} flags; 1 to 500
 * @param pageToken the next-page token of the previous page, or null for the first page
 */
public record StallCriteria(int idleDays, boolean pastExpectedClose, PipelineId pipelineId, int limit,
        String pageToken) {
    /** The most days of idleness that may be asked for (ten years). */
    public static final int MAX_IDLE_DAYS = 3650;
    /** The largest page, and the most deals one detection run flags. */
    public static final int MAX_LIMIT = 500;

    /**
     * Checks the ranges.
     *
     * @throws ValidationException listing every field out of range
     */
    public StallCriteria {
        List<Violation> violations = new ArrayList<>();
        if (idleDays < 1 || idleDays > MAX_IDLE_DAYS) {
            violations.add(new Violation("idleDays", "Range", "must be 1 to " + MAX_IDLE_DAYS + ", was " + idleDays));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            violations.add(new Violation("limit", "Range", "must be 1 to " + MAX_LIMIT + ", was " + limit));
        }
        if (pageToken != null && pageToken.isBlank()) {
            violations.add(new Violation("pageToken", "NotBlank", "must be null or a token of a previous page"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param days how many days without activity make a deal stalled, 1 to 3650
     * @return a builder: past the expected close counts too, every pipeline, 100 deals a page
     */
    public static Builder idleFor(int days) {
        return new Builder(days);
    }

    /**
     * @param token the next-page token of the page just read
     * @return the same criteria for the page after it
     */
    public StallCriteria page(String token) {
        return new StallCriteria(idleDays, pastExpectedClose, pipelineId, limit, token);
    }

    /** Builds {@link StallCriteria}; the values are checked by {@link #build()}. */
    public static final class Builder {
        private final int idleDays;
        private boolean pastExpectedClose = true;
        private PipelineId pipelineId;
        private int limit = 100;
        private String pageToken;

        private Builder(int idleDays) {
            this.idleDays = idleDays;
        }

        /**
         * @param counts whether open deals past their expected close date are stalled too (default
         *     true)
         * @return this
         */
        public Builder pastExpectedClose(boolean counts) {
            this.pastExpectedClose = counts;
            return this;
        }

        /**
         * @param pipeline only deals of this pipeline (default: every pipeline)
         * @return this
         */
        public Builder pipeline(PipelineId pipeline) {
            this.pipelineId = pipeline;
            return this;
        }

        /**
         * @param max deals per page, or the most deals one detection run flags; 1 to 500 (default
         *     100)
         * @return this
         */
        public Builder limit(int max) {
            this.limit = max;
            return this;
        }

        /**
         * @param token the next-page token of the previous page
         * @return this
         */
        public Builder pageToken(String token) {
            this.pageToken = token;
            return this;
        }

        /**
         * @return the criteria
         * @throws ValidationException listing every value out of range
         */
        public StallCriteria build() {
            return new StallCriteria(idleDays, pastExpectedClose, pipelineId, limit, pageToken);
        }
    }
}
