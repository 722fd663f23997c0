package org.crm4j.pipeline.store;

import java.time.Instant;
import org.crm4j.common.Money;

/**
 * The stored state of a sales order made from an accepted offer. Its lines are the offer's,
 * which no longer change once accepted.
 *
 * @param id the id; 0 before the insert
 * @param offerId the accepted offer
 * @param opportunityId the offer's deal
 * @param customerId the deal's customer
 * @param net the offer's net total
 * @param tax the offer's tax
 * @param gross the offer's gross total
 * @param placedBy who turned the offer into the order
 * @param placedAt when
 */
public record SalesOrderRecord(long id, long offerId, long opportunityId, long customerId, Money net, Money tax,
        Money gross, String placedBy, Instant placedAt) {

    /**
     * @param newId the assigned id
     * @return a copy with it
     */
    public SalesOrderRecord withId(long newId) {
        return new SalesOrderRecord(newId, offerId, opportunityId, customerId, net, tax, gross, placedBy, placedAt);
    }
}
