package org.crm4j.internal.sales;

import java.util.ArrayList;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.CrmException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.internal.Runtime;
import org.crm4j.plugin.SalesSource;
import org.crm4j.sales.RejectedDocument;
import org.crm4j.sales.SalesImportOptions;
import org.crm4j.sales.SalesImportReport;
import org.crm4j.sales.SalesPullReport;
import org.crm4j.sales.store.SalesStore;

/**
 * Pulls sales from the registered {@link SalesSource}s, page by page from each one's kept
 * checkpoint, as an administrator named after the source ({@code crm4j.sales-source:<id>}). A page is
 * taken in before its checkpoint is kept, so a pull cut short asks for that page again, which changes
 * nothing that went in.
 */
public final class SalesPull {
    /** The most pages one pull asks a source for: a source that always says "more" ends here. */
    static final int MAX_PAGES = 10_000;

    private final Runtime rt;
    private final List<SalesSource> sources;

    /**
     * @param rt the runtime
     * @param sources the sources, in the order they were registered
     */
    public SalesPull(Runtime rt, List<SalesSource> sources) {
        this.rt = rt;
        this.sources = List.copyOf(sources);
    }

    /** @return what was taken from each source */
    public SalesPullReport.All pull() {
        List<SalesPullReport> reports = new ArrayList<>();
        for (SalesSource source : sources) {
            reports.add(pull(source));
        }
        return new SalesPullReport.All(reports);
    }

    private SalesPullReport pull(SalesSource source) {
        String id = source.id();
        SalesService sales = new SalesService(rt, Actor.of("crm4j.sales-source:" + id, Actor.ADMIN));
        String checkpoint = rt.store().readOnly(tx -> tx.store(SalesStore.class).checkpoint(id)).orElse(null);
        int pages = 0;
        long[] documents = new long[6];
        List<RejectedDocument> rejections = new ArrayList<>();
        long[] payments = new long[4];
        while (pages < MAX_PAGES) {
            SalesSource.Page page;
            try {
                page = source.pull(checkpoint);
            } catch (RuntimeException e) {
                throw new CrmException("The sales source '" + id + "' failed to give the page after checkpoint "
                        + checkpoint + ": " + e, e);
            }
            pages++;
            SalesImportReport r = sales.importDocuments(page.documents(), SalesImportOptions.defaults());
            documents[0] += r.documents();
            documents[1] += r.lines();
            documents[2] += r.created();
            documents[3] += r.updated();
            documents[4] += r.unchanged();
            documents[5] += r.rejected();
            for (RejectedDocument rejected : r.rejections()) {
                if (rejections.size() < SalesImportOptions.DEFAULT_MAX_DETAILS) {
                    rejections.add(rejected);
                }
            }
            for (var payment : page.payments()) {
                try {
                    switch (sales.receivePayment(payment).outcome()) {
                        case CREATED -> payments[0]++;
                        case UPDATED -> payments[1]++;
                        case UNCHANGED -> payments[2]++;
                    }
                } catch (ValidationException | NotFoundException | AccessDeniedException | ConflictException e) {
                    payments[3]++;
                }
            }
            String next = page.checkpoint() == null ? checkpoint : page.checkpoint();
            rt.store().inTransaction(tx -> {
                tx.store(SalesStore.class).saveCheckpoint(id, next, rt.now());
                return null;
            });
            checkpoint = next;
            if (!page.more()) {
                break;
            }
        }
        return new SalesPullReport(id, pages, new SalesImportReport(documents[0], documents[1], documents[2],
                documents[3], documents[4], documents[5], rejections), payments[0], payments[1], payments[2],
                payments[3], checkpoint);
    }
}
