package org.crm4j.sales.store;

import java.util.List;
import org.crm4j.customer.SalesSummary;
import org.crm4j.customer.ServiceSummary;

/**
 * What a customer buys, as the customer card shows it, read by {@link SalesStore#ofCustomer}.
 *
 * @param services the running services (not cancelled, not past their end unless they renew
 *     themselves), latest start first, then by id descending
 * @param summary the sales summary
 */
public record CustomerSales(List<ServiceSummary> services, SalesSummary summary) {

    /** Nothing bought. */
    public static final CustomerSales NONE = new CustomerSales(List.of(), SalesSummary.NONE);

    /** Copies the list. */
    public CustomerSales {
        services = List.copyOf(services);
    }
}
