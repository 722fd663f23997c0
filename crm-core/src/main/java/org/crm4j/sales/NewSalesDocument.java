package org.crm4j.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.CustomerId;

/**
 * An order, invoice or credit note as the ERP delivers it; pass it to {@link Sales#receive}. The
 * ERP's reference identifies it: delivered again unchanged it changes nothing, changed it is
 * updated. The customer is given by id or by the ERP's own reference of the customer (one of the
 * two). An order needs its order date, an invoice and a credit note their invoice date; a credit
 * note names the invoice it reverses (by the ERP's reference) and only a credit note does. 1–10,000
 * lines.
 *
 * <pre>{@code
 * sales.receive(NewSalesDocument.invoice(ExternalRef.of("erp", "INV-2026-0815"), "EUR", LocalDate.of(2026, 3, 2))
 *         .customerRef(ExternalRef.of("erp", "ALFKI")).dueOn(LocalDate.of(2026, 4, 1)).salesperson("sam")
 *         .order(ExternalRef.of("erp", "SO-4711"))
 *         .line(SalesLine.of("LIC-PRO", new BigDecimal("3"), new BigDecimal("120.00")).taxRate(new BigDecimal("20"))));
 * }</pre>
 */
public final class NewSalesDocument {
    /** The most lines of one document. */
    public static final int MAX_LINES = 10_000;

    private final DocumentKind kind;
    private final ExternalRef externalRef;
    private final String currency;
    private CustomerId customerId;
    private ExternalRef customerRef;
    private LocalDate orderedOn;
    private LocalDate invoicedOn;
    private LocalDate dueOn;
    private String salespersonId;
    private SalesAddress billTo;
    private SalesAddress shipTo;
    private ExternalRef reverses;
    private ExternalRef order;
    private Long opportunityId;
    private final List<SalesLine> lines = new ArrayList<>();

    private NewSalesDocument(DocumentKind kind, ExternalRef externalRef, String currency) {
        this.kind = kind;
        this.externalRef = externalRef;
        this.currency = Rules.blankToNull(currency);
    }

    /**
     * @param kind what it is
     * @param externalRef the document in the ERP
     * @param currency its ISO 4217 currency code
     * @return the document; it is checked when it is received
     */
    public static NewSalesDocument of(DocumentKind kind, ExternalRef externalRef, String currency) {
        return new NewSalesDocument(kind, externalRef, currency);
    }

    /** @return an order placed on the day given */
    public static NewSalesDocument order(ExternalRef externalRef, String currency, LocalDate orderedOn) {
        return of(DocumentKind.ORDER, externalRef, currency).orderedOn(orderedOn);
    }

    /** @return an invoice of the day given */
    public static NewSalesDocument invoice(ExternalRef externalRef, String currency, LocalDate invoicedOn) {
        return of(DocumentKind.INVOICE, externalRef, currency).invoicedOn(invoicedOn);
    }

    /** @return a credit note of the day given that reverses (part of) the invoice named */
    public static NewSalesDocument creditNote(ExternalRef externalRef, String currency, LocalDate creditedOn,
            ExternalRef invoice) {
        return of(DocumentKind.CREDIT_NOTE, externalRef, currency).invoicedOn(creditedOn).reverses(invoice);
    }

    /** @param id the customer @return this */
    public NewSalesDocument customer(CustomerId id) {
        this.customerId = id;
        return this;
    }

    /** @param ref the ERP's reference of the customer (as imported with it) @return this */
    public NewSalesDocument customerRef(ExternalRef ref) {
        this.customerRef = ref;
        return this;
    }

    /** @param day the order date @return this */
    public NewSalesDocument orderedOn(LocalDate day) {
        this.orderedOn = day;
        return this;
    }

    /** @param day the invoice (or credit) date @return this */
    public NewSalesDocument invoicedOn(LocalDate day) {
        this.invoicedOn = day;
        return this;
    }

    /** @param day when the invoice is due @return this */
    public NewSalesDocument dueOn(LocalDate day) {
        this.dueOn = day;
        return this;
    }

    /**
     * @param address the billing address as the ERP holds it (the country may be a name, the phone
     *     national); see {@link SalesAddress}
     * @return this
     */
    public NewSalesDocument billTo(SalesAddress address) {
        this.billTo = address;
        return this;
    }

    /** @param address the delivery address as the ERP holds it @return this */
    public NewSalesDocument shipTo(SalesAddress address) {
        this.shipTo = address;
        return this;
    }

    /** @return the billing address, or null */
    public SalesAddress billTo() {
        return billTo;
    }

    /** @return the delivery address, or null */
    public SalesAddress shipTo() {
        return shipTo;
    }

    /** @param userId the salesperson @return this */
    public NewSalesDocument salesperson(String userId) {
        this.salespersonId = Rules.blankToNull(userId);
        return this;
    }

    /** @param invoice the ERP's reference of the invoice a credit note reverses @return this */
    public NewSalesDocument reverses(ExternalRef invoice) {
        this.reverses = invoice;
        return this;
    }

    /** @param orderRef the ERP's reference of the order an invoice bills @return this */
    public NewSalesDocument order(ExternalRef orderRef) {
        this.order = orderRef;
        return this;
    }

    /** @param id the deal it came from (else taken from its order) @return this */
    public NewSalesDocument opportunity(long id) {
        this.opportunityId = id;
        return this;
    }

    /** @param line a line, added after the others @return this */
    public NewSalesDocument line(SalesLine line) {
        lines.add(line);
        return this;
    }

    /** @param all lines, added after the others @return this */
    public NewSalesDocument lines(List<SalesLine> all) {
        lines.addAll(all);
        return this;
    }

    /** @return the kind. Used by the runtime. */
    public DocumentKind kind() {
        return kind;
    }

    /** @return the ERP's reference. Used by the runtime. */
    public ExternalRef externalRef() {
        return externalRef;
    }

    /** @return the currency code. Used by the runtime. */
    public String currency() {
        return currency;
    }

    /** @return the customer, or null. Used by the runtime. */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the ERP's reference of the customer, or null. Used by the runtime. */
    public ExternalRef customerRef() {
        return customerRef;
    }

    /** @return the order date, or null. Used by the runtime. */
    public LocalDate orderedOn() {
        return orderedOn;
    }

    /** @return the invoice date, or null. Used by the runtime. */
    public LocalDate invoicedOn() {
        return invoicedOn;
    }

    /** @return the due date, or null. Used by the runtime. */
    public LocalDate dueOn() {
        return dueOn;
    }

    /** @return the salesperson, or null. Used by the runtime. */
    public String salespersonId() {
        return salespersonId;
    }

    /** @return the reversed invoice's reference, or null. Used by the runtime. */
    public ExternalRef reversesRef() {
        return reverses;
    }

    /** @return the order's reference, or null. Used by the runtime. */
    public ExternalRef orderRef() {
        return order;
    }

    /** @return the deal, or null. Used by the runtime. */
    public Long opportunityId() {
        return opportunityId;
    }

    /** @return the lines. Used by the runtime. */
    public List<SalesLine> lines() {
        return List.copyOf(lines);
    }

    /**
     * Checks every rule. Used by the runtime.
     *
     * @throws ValidationException listing every broken rule
     */
    public void check() {
        Rules rules = new Rules()
                .notNull("kind", kind, "say whether it is an order, an invoice or a credit note")
                .notNull("externalRef", externalRef, "a document from the ERP needs the ERP's reference")
                .notBlank("currency", currency, "a document needs its currency");
        if (currency != null) {
            boolean known;
            try {
                known = Currency.getInstance(currency) != null;
            } catch (IllegalArgumentException e) {
                known = false;
            }
            rules.check(known, "currency", "Currency", "not an ISO 4217 currency code: " + currency);
        }
        rules.check(customerId != null ^ customerRef != null, "customer", "OneOf",
                "name the customer by id or by the ERP's reference, one of the two");
        if (kind == DocumentKind.ORDER) {
            rules.notNull("orderedOn", orderedOn, "an order needs its order date");
        } else if (kind != null) {
            rules.notNull("invoicedOn", invoicedOn, "an invoice or credit note needs its date");
        }
        rules.check(kind != DocumentKind.CREDIT_NOTE || reverses != null, "reverses", "NotNull",
                "a credit note names the invoice it reverses");
        rules.check(kind == DocumentKind.CREDIT_NOTE || reverses == null, "reverses", "Null",
                "only a credit note reverses an invoice");
        rules.check(dueOn == null || invoicedOn == null || !dueOn.isBefore(invoicedOn), "dueOn", "Order",
                "due " + dueOn + " before it was invoiced on " + invoicedOn);
        rules.check(opportunityId == null || opportunityId > 0, "opportunityId", "Positive", "must be greater than 0");
        rules.text("salespersonId", salespersonId, 100);
        rules.check(!lines.isEmpty(), "lines", "NotEmpty", "a document needs at least one line");
        rules.check(lines.size() <= MAX_LINES, "lines", "Size", "at most " + MAX_LINES + " lines, was " + lines.size());
        for (int i = 0; i < lines.size() && i < MAX_LINES; i++) {
            SalesLine line = lines.get(i);
            if (line == null) {
                rules.check(false, "lines[" + i + "]", "NotNull", "a line is missing");
            } else {
                line.check(rules, "lines[" + i + "].");
            }
        }
        rules.throwIfBroken();
    }
}
