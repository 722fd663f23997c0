package org.crm4j.sales;

import java.util.List;

/**
 * What {@code crm.pullSales()} took from one sales source.
 *
 * @param sourceId the source
 * @param pages how many pages it gave
 * @param documents what became of its documents, as the bulk import reports it
 * @param paymentsCreated payments received for the first time
 * @param paymentsUpdated payments the ERP had changed
 * @param paymentsUnchanged payments delivered again as they were
 * @param paymentsRejected payments refused (an unknown invoice or customer, a rule broken)
 * @param checkpoint the checkpoint kept for the next pull
 */
public record SalesPullReport(String sourceId, int pages, SalesImportReport documents, long paymentsCreated,
        long paymentsUpdated, long paymentsUnchanged, long paymentsRejected, String checkpoint) {

    /** A list of them, one per source. */
    public record All(List<SalesPullReport> sources) {

        /** Copies the list. */
        public All {
            sources = List.copyOf(sources);
        }
    }
}
