package org.crm4j.imports;

import java.util.List;

/**
 * What an import did (or, in a dry run, would do), so far or in all. Every row is counted once in
 * {@code created}, {@code updated}, {@code unchanged}, {@code rejected} or {@code skipped}; a
 * likely duplicate created all the same ({@link ImportOptions.DuplicatePolicy#CREATE_ANYWAY}) is
 * counted as created and in {@code duplicates}.
 *
 * @param dryRun whether nothing was written
 * @param rows how many rows were read
 * @param created how many customers were (or would be) created
 * @param updated how many customers were (or would be) changed
 * @param unchanged how many rows matched their customer already, so nothing was written
 * @param rejected how many rows broke a rule
 * @param skipped how many new rows were not created because they look like an existing customer
 * @param duplicates how many new rows look like an existing customer, skipped or not
 * @param rejections the first rejected rows, at most {@link ImportOptions#maxDetails} (the count
 *     is in {@code rejected})
 * @param likelyDuplicates the first likely duplicates, at most {@link ImportOptions#maxDetails}
 *     (the count is in {@code duplicates})
 * @param warnings the first values taken in altered or left out without refusing their row (a
 *     doubtful phone number), at most {@link ImportOptions#maxDetails}
 */
public record ImportReport(boolean dryRun, long rows, long created, long updated, long unchanged, long rejected,
        long skipped, long duplicates, List<RejectedRow> rejections, List<LikelyDuplicate> likelyDuplicates,
        List<ImportWarning> warnings) {

    /** Copies the lists. */
    public ImportReport {
        rejections = List.copyOf(rejections);
        likelyDuplicates = List.copyOf(likelyDuplicates);
        warnings = List.copyOf(warnings);
    }

    /** @return whether the report lists fewer rejected rows or duplicates than it counts */
    public boolean detailsTruncated() {
        return rejections.size() < rejected || likelyDuplicates.size() < duplicates;
    }
}
