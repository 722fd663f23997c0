package org.crm4j.sales;

import java.time.LocalDate;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;

/**
 * What is still owed on one invoice: its gross amount less what was paid and what credit notes
 * took back, computed by the store.
 *
 * @param invoiceId the invoice
 * @param externalRef its reference in the ERP
 * @param invoicedOn when it was invoiced
 * @param dueOn when it is due, or null
 * @param gross its gross amount
 * @param paid the sum of its payments
 * @param credited the sum of the credit notes that reverse it (gross)
 */
public record InvoiceBalance(SalesDocumentId invoiceId, ExternalRef externalRef, LocalDate invoicedOn, LocalDate dueOn,
        Money gross, Money paid, Money credited) {

    /** @return gross − paid − credited: negative when more came back than was owed */
    public Money outstanding() {
        return gross.minus(paid).minus(credited);
    }

    /**
     * @param today the day asked about
     * @return whether something is still owed and its due date has passed
     */
    public boolean overdue(LocalDate today) {
        return dueOn != null && dueOn.isBefore(today) && outstanding().amount().signum() > 0;
    }
}
