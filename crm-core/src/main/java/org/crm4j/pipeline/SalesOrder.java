package org.crm4j.pipeline;

import java.time.Instant;
import java.util.List;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;

/**
 * A sales order made from an accepted offer (R6), for the ERP to pick up: the event
 * {@code order.placed} carries it to the host's listeners through the outbox. Its amounts are
 * those stored when it was placed, the ones the event carried.
 *
 * @param id the order
 * @param offerId the accepted offer
 * @param opportunityId its deal
 * @param customerId the customer
 * @param lines the offer's lines
 * @param net the net total
 * @param tax the tax
 * @param gross the gross total
 * @param placedBy who placed it
 * @param placedAt when
 */
public record SalesOrder(SalesOrderId id, OfferId offerId, OpportunityId opportunityId, CustomerId customerId,
        List<OfferLine> lines, Money net, Money tax, Money gross, String placedBy, Instant placedAt) {

    /** Copies the lines. */
    public SalesOrder {
        lines = List.copyOf(lines);
    }
}
