package org.crm4j.sales;

import java.util.List;

/**
 * What a customer's request may be about (R11): the services and sales documents that match a
 * {@link SalesLookup}, as far as the reader may see them.
 *
 * @param services the matching services, a service the request names first, then latest start first
 * @param documents the matching documents, latest first
 */
public record SalesMatches(List<ServiceContract> services, List<SalesDocument> documents) {

    /** How many of each a lookup finds at most. */
    public static final int LIMIT = 50;

    /** Copies the lists. */
    public SalesMatches {
        services = List.copyOf(services);
        documents = List.copyOf(documents);
    }
}
