package org.crm4j.sales;

import java.util.List;
import org.crm4j.activity.Request;

/**
 * A service with the customer requests about it (R11), as a service desk opens it.
 *
 * @param service the service
 * @param requests the requests that name it and the reader may see, latest first, at most
 *     {@link SalesMatches#LIMIT}
 */
public record ServiceCard(ServiceContract service, List<Request> requests) {

    /** Copies the list. */
    public ServiceCard {
        requests = List.copyOf(requests);
    }
}
