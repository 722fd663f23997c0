package org.crm4j.campaign;

import org.crm4j.ValidationException;

/**
 * A bulk opening of leads on a campaign's target customers (R17); pass it to
 * {@link Campaigns#openLeads}. It runs in batches, each its own transaction with the events of
 * its leads, so that memory stays bounded whatever the number of targets; it is idempotent: a
 * target that has a lead of the campaign already is skipped and counted as already open.
 *
 * <pre>{@code
 * LeadOpeningReport report = crm.as(mia).campaigns().openLeads(spring.id(),
 *         LeadOpening.of(LeadTargets.matching(Criteria.tagged("cnc")))
 *                 .assign(Assignment.teamOf("mia"))
 *                 .onProgress(soFar -> log.info("{} leads opened", soFar.opened())));
 * }</pre>
 */
public final class LeadOpening {
    /** The default number of targets per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The largest number of targets per transaction. */
    public static final int MAX_BATCH_SIZE = 1000;

    private final LeadTargets targets;
    private Assignment assignment = Assignment.customerOwner();
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Progress progress = soFar -> { };

    /**
     * Told after each committed batch, in the caller's thread. An exception it throws stops the
     * opening there: the batches committed so far stay, and running the opening again continues
     * with the targets still without a lead.
     */
    @FunctionalInterface
    public interface Progress {
        /** @param soFar what was done up to and including the batch just committed */
        void batchDone(LeadOpeningReport soFar);
    }

    private LeadOpening(LeadTargets targets) {
        this.targets = ValidationException.requireNonNull(targets, "targets");
    }

    /**
     * @param targets the customers to open leads on
     * @return a bulk opening assigning each lead to its customer's owner
     */
    public static LeadOpening of(LeadTargets targets) {
        return new LeadOpening(targets);
    }

    /**
     * @param policy who becomes responsible for each lead
     * @return this
     */
    public LeadOpening assign(Assignment policy) {
        this.assignment = ValidationException.requireNonNull(policy, "assignment");
        return this;
    }

    /**
     * @param targetsPerTransaction 1 to {@value #MAX_BATCH_SIZE}; {@value #DEFAULT_BATCH_SIZE} by default
     * @return this
     * @throws ValidationException when out of range
     */
    public LeadOpening batchSize(int targetsPerTransaction) {
        if (targetsPerTransaction < 1 || targetsPerTransaction > MAX_BATCH_SIZE) {
            throw new ValidationException("batchSize", "Range", "must be 1 to " + MAX_BATCH_SIZE + ", was "
                    + targetsPerTransaction);
        }
        this.batchSize = targetsPerTransaction;
        return this;
    }

    /**
     * @param callback told after each committed batch
     * @return this
     */
    public LeadOpening onProgress(Progress callback) {
        this.progress = ValidationException.requireNonNull(callback, "progress");
        return this;
    }

    /** @return the customers to open leads on */
    public LeadTargets targets() {
        return targets;
    }

    /** @return who becomes responsible for each lead */
    public Assignment assignment() {
        return assignment;
    }

    /** @return targets per transaction */
    public int batchSize() {
        return batchSize;
    }

    /** @return the progress callback */
    public Progress progress() {
        return progress;
    }
}
