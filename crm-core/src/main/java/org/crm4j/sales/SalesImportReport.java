package org.crm4j.sales;

import java.util.List;

/**
 * What {@link Sales#importDocuments} did.
 *
 * @param documents how many documents were read
 * @param lines how many lines the documents that went in had
 * @param created documents stored for the first time
 * @param updated documents the ERP had changed, stored at a new version
 * @param unchanged documents delivered again as they were
 * @param rejected documents refused, with nothing of them stored
 * @param rejections the first of them with their position and every broken rule (at most the
 *     options' {@code maxDetails})
 * @param warnings doubts about values taken anyway (a phone number of an address), each with the
 *     document's position, field and value (at most the options' {@code maxDetails})
 */
public record SalesImportReport(long documents, long lines, long created, long updated, long unchanged,
        long rejected, List<RejectedDocument> rejections, List<SalesWarning> warnings) {

    /** Copies the lists. */
    public SalesImportReport {
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
    }

    /** A report without warnings. */
    public SalesImportReport(long documents, long lines, long created, long updated, long unchanged, long rejected,
            List<RejectedDocument> rejections) {
        this(documents, lines, created, updated, unchanged, rejected, rejections, List.of());
    }
}
