package org.crm4j.sales;

import org.crm4j.ValidationException;

/**
 * How {@link Sales#importDocuments} takes an ERP's history: how many documents a transaction holds,
 * how many rejections the report keeps, and whom to tell after each batch.
 */
public final class SalesImportOptions {
    /** The documents of one transaction, unless set. */
    public static final int DEFAULT_BATCH_SIZE = 500;
    /** The most documents one transaction may hold. */
    public static final int MAX_BATCH_SIZE = 1000;
    /** The rejections a report names, unless set; it counts them all. */
    public static final int DEFAULT_MAX_DETAILS = 1000;

    private int batchSize = DEFAULT_BATCH_SIZE;
    private int maxDetails = DEFAULT_MAX_DETAILS;
    private Progress progress = soFar -> { };
    private java.util.List<java.util.Locale> countryLocales = java.util.List.of(java.util.Locale.getDefault());
    private boolean strictPhones;

    private SalesImportOptions() {
    }

    /** Told after each batch is committed, in the caller's thread; what it throws stops the import there. */
    public interface Progress {
        /** @param soFar what was done up to and including the batch just committed */
        void batchDone(SalesImportReport soFar);
    }

    /** @return batches of {@value #DEFAULT_BATCH_SIZE} documents, up to {@value #DEFAULT_MAX_DETAILS} rejections named */
    public static SalesImportOptions defaults() {
        return new SalesImportOptions();
    }

    /** @param documentsPerTransaction 1 to {@value #MAX_BATCH_SIZE} @return this */
    public SalesImportOptions batchSize(int documentsPerTransaction) {
        if (documentsPerTransaction < 1 || documentsPerTransaction > MAX_BATCH_SIZE) {
            throw new ValidationException("batchSize", "Range", "must be 1 to " + MAX_BATCH_SIZE + ", was "
                    + documentsPerTransaction);
        }
        this.batchSize = documentsPerTransaction;
        return this;
    }

    /** @param rejections how many rejections the report names, 0 or more @return this */
    public SalesImportOptions maxDetails(int rejections) {
        if (rejections < 0) {
            throw new ValidationException("maxDetails", "Range", "must be 0 or more, was " + rejections);
        }
        this.maxDetails = rejections;
        return this;
    }

    /** @param listener told after each batch @return this */
    public SalesImportOptions onProgress(Progress listener) {
        this.progress = ValidationException.requireNonNull(listener, "progress");
        return this;
    }

    /**
     * @param locales the languages whose country names the documents' addresses may use beside English
     *     (by default the JVM's)
     * @return this
     */
    public SalesImportOptions countryNames(java.util.Locale... locales) {
        for (java.util.Locale l : locales) {
            ValidationException.requireNonNull(l, "countryNames");
        }
        this.countryLocales = java.util.List.of(locales);
        return this;
    }

    /**
     * Refuses a document with a phone number that is not valid under today's numbering plans or
     * cannot be read, instead of storing it normalised (or leaving it out) with a warning.
     *
     * @return this
     */
    public SalesImportOptions strictPhones() {
        this.strictPhones = true;
        return this;
    }

    /** @return the languages of country names accepted beside English */
    public java.util.List<java.util.Locale> countryLocales() {
        return countryLocales;
    }

    /** @return whether a doubtful phone number refuses its document */
    public boolean isStrictPhones() {
        return strictPhones;
    }

    /** @return the batch size */
    public int batchSize() {
        return batchSize;
    }

    /** @return how many rejections the report names */
    public int maxDetails() {
        return maxDetails;
    }

    /** @return the progress listener */
    public Progress progress() {
        return progress;
    }
}
