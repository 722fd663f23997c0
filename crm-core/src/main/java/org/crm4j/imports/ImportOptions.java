package org.crm4j.imports;

import java.util.function.Consumer;
import org.crm4j.ValidationException;

/**
 * How an import runs: dry run or not, rows per transaction, progress callback, what to do with
 * likely duplicates, how many rejected rows and duplicates the report details. Start from
 * {@link #defaults()}. Instances are not thread-safe; the import reads them once, when it starts.
 */
public final class ImportOptions {
    /** The default number of rows per transaction. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The largest number of rows per transaction. */
    public static final int MAX_BATCH_SIZE = 1000;
    /** The default number of rejected rows, and of likely duplicates, the report details. */
    public static final int DEFAULT_MAX_DETAILS = 1000;

    private boolean dryRun;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private Progress progress = soFar -> { };
    private DuplicatePolicy duplicates = DuplicatePolicy.REPORT_AND_SKIP;
    private int maxDetails = DEFAULT_MAX_DETAILS;
    private Consumer<RejectedRow> onRejected = rejected -> { };
    private java.util.Locale locale = java.util.Locale.getDefault();
    private boolean strict;

    /** What to do with a new row that looks like an existing customer. */
    public enum DuplicatePolicy {
        /** Report it as a likely duplicate and do not create it (the default). */
        REPORT_AND_SKIP,
        /** Report it as a likely duplicate and create it all the same. */
        CREATE_ANYWAY
    }

    /**
     * Told after each batch (committed, or checked in a dry run), in the caller's thread. An
     * exception it throws stops the import there: the batches committed so far stay.
     */
    @FunctionalInterface
    public interface Progress {
        /** @param soFar what was done up to and including the batch just finished */
        void batchDone(ImportReport soFar);
    }

    private ImportOptions() {
    }

    /** @return a real import in batches of {@value #DEFAULT_BATCH_SIZE}, skipping likely duplicates */
    public static ImportOptions defaults() {
        return new ImportOptions();
    }

    /**
     * Checks everything and reports what would be created, updated, left alone, rejected and
     * skipped, without writing anything (read-only transactions). Two rows of one batch with the
     * same reference are told apart as in a real run; across batches a dry run cannot know that
     * the first would have been created, and counts both as new.
     *
     * @return this
     */
    public ImportOptions dryRun() {
        this.dryRun = true;
        return this;
    }

    /**
     * @param rowsPerTransaction 1 to {@value #MAX_BATCH_SIZE}
     * @return this
     * @throws ValidationException when out of range
     */
    public ImportOptions batchSize(int rowsPerTransaction) {
        if (rowsPerTransaction < 1 || rowsPerTransaction > MAX_BATCH_SIZE) {
            throw new ValidationException("batchSize", "Range", "must be 1 to " + MAX_BATCH_SIZE + ", was "
                    + rowsPerTransaction);
        }
        this.batchSize = rowsPerTransaction;
        return this;
    }

    /**
     * @param callback told after each batch
     * @return this
     */
    public ImportOptions onProgress(Progress callback) {
        this.progress = ValidationException.requireNonNull(callback, "progress");
        return this;
    }

    /**
     * @param policy what to do with likely duplicates of existing customers
     * @return this
     */
    public ImportOptions duplicates(DuplicatePolicy policy) {
        this.duplicates = ValidationException.requireNonNull(policy, "duplicates");
        return this;
    }

    /**
     * @param max how many rejected rows, and how many likely duplicates, the report lists at most
     *     (0 to 100,000); beyond that it only counts them
     * @return this
     * @throws ValidationException when out of range
     */
    public ImportOptions maxDetails(int max) {
        if (max < 0 || max > 100_000) {
            throw new ValidationException("maxDetails", "Range", "must be 0 to 100000, was " + max);
        }
        this.maxDetails = max;
        return this;
    }

    /**
     * @param callback told of every rejected row (all of them, beyond the report's details), in the
     *     caller's thread, after its batch
     * @return this
     */
    public ImportOptions onRejected(Consumer<RejectedRow> callback) {
        this.onRejected = ValidationException.requireNonNull(callback, "onRejected");
        return this;
    }

    /**
     * @param language the language, beside English, of the country names the rows may give (e.g.
     *     {@code Deutschland}); the JVM's default locale unless set
     * @return this
     */
    public ImportOptions countryNames(java.util.Locale language) {
        this.locale = java.util.Objects.requireNonNull(language, "language");
        return this;
    }

    /**
     * Refuses a row for a phone number that is doubtful or cannot be read, instead of importing the
     * customer with the number normalised or left out and a warning in the report.
     *
     * @return this
     */
    public ImportOptions strictPhones() {
        this.strict = true;
        return this;
    }

    /** @return the language of country names beside English */
    public java.util.Locale countryNames() {
        return locale;
    }

    /** @return whether a doubtful phone number refuses its row */
    public boolean isStrictPhones() {
        return strict;
    }

    /** @return whether nothing is written */
    public boolean isDryRun() {
        return dryRun;
    }

    /** @return rows per transaction */
    public int batchSize() {
        return batchSize;
    }

    /** @return the progress callback */
    public Progress progress() {
        return progress;
    }

    /** @return the duplicates policy */
    public DuplicatePolicy duplicatePolicy() {
        return duplicates;
    }

    /** @return how many details of each kind the report keeps */
    public int maxDetails() {
        return maxDetails;
    }

    /** @return the callback per rejected row */
    public Consumer<RejectedRow> rejectedCallback() {
        return onRejected;
    }
}
