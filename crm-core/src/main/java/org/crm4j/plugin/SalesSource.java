package org.crm4j.plugin;

import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.sales.NewPayment;
import org.crm4j.sales.NewSalesDocument;

/**
 * An ERP that crm4j pulls sales from (R29), when the ERP does not push them through
 * {@code Sales.receive}: {@code crm.pullSales()} asks each source for what changed since the
 * checkpoint it returned last time (kept in crm4j's database), takes it in as the bulk import does
 * (idempotently by the ERP's reference, so a page asked for twice changes nothing), and keeps the
 * new checkpoint. Registered with {@code Crm.Builder.salesSource} or a plugin's
 * {@link PluginContext#addSalesSource}.
 */
public interface SalesSource {

    /** @return a unique, stable id, e.g. {@code sap-erp}: the checkpoint is kept under it */
    String id();

    /**
     * @param checkpoint what this source returned with its last page, or null the first time
     * @return the next page: documents (orders and invoices before the documents naming them) and
     *     payments, the checkpoint to ask from next, and whether more is waiting
     */
    Page pull(String checkpoint);

    /**
     * A page of what changed in the ERP.
     *
     * @param documents orders, invoices and credit notes, new or changed
     * @param payments payments, new or changed
     * @param checkpoint where the next page starts (at most 1,000 characters); null keeps the one
     *     asked with
     * @param more whether to ask again at once
     */
    record Page(List<NewSalesDocument> documents, List<NewPayment> payments, String checkpoint, boolean more) {

        /** The longest checkpoint. */
        public static final int MAX_CHECKPOINT = 1000;

        /** Copies the lists. */
        public Page {
            documents = List.copyOf(ValidationException.requireNonNull(documents, "documents"));
            payments = List.copyOf(ValidationException.requireNonNull(payments, "payments"));
            if (checkpoint != null && checkpoint.length() > MAX_CHECKPOINT) {
                throw new ValidationException("checkpoint", "Size", "at most " + MAX_CHECKPOINT + " characters");
            }
        }
    }
}
