package org.crm4j.sales;

import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.CustomerId;

/**
 * What a service desk knows when a customer calls (R11): who the customer is, and perhaps the
 * product's code or the ERP's reference of a contract or a document (an invoice, an order); pass
 * it to {@link Sales#lookup}. Without a product and a reference, the customer's running services
 * and latest documents are what the call may be about.
 *
 * <pre>{@code
 * SalesMatches m = crm.as(agent).sales().lookup(SalesLookup.of(acme.id()).reference(ExternalRef.of("SAP", "INV-4711")));
 * }</pre>
 */
public final class SalesLookup {
    private final CustomerId customer;
    private String productCode;
    private ExternalRef reference;

    private SalesLookup(CustomerId customer) {
        this.customer = ValidationException.requireNonNull(customer, "customer");
    }

    /** @param customer the customer who calls @return a lookup of what the customer has */
    public static SalesLookup of(CustomerId customer) {
        return new SalesLookup(customer);
    }

    /** @param code the product's code in the ERP; blank counts as none @return this */
    public SalesLookup product(String code) {
        this.productCode = code == null || code.isBlank() ? null : code.strip();
        return this;
    }

    /** @param ref the ERP's reference of a service's contract or of a sales document @return this */
    public SalesLookup reference(ExternalRef ref) {
        this.reference = ref;
        return this;
    }

    /** @return the customer */
    public CustomerId customer() {
        return customer;
    }

    /** @return the product's code, or null */
    public String productCode() {
        return productCode;
    }

    /** @return the reference, or null */
    public ExternalRef reference() {
        return reference;
    }
}
