package org.crm4j.store;

import java.util.List;
import java.util.Optional;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.store.SalesOrderRecord;

/**
 * Offers and the sales orders made from them, in a store. Need-to-know is the deal's: an offer is
 * found only when the owner of its deal is visible; the offers of a deal are listed after the
 * core found the deal visible.
 */
public interface OfferStore {

    /**
     * @param offer a new offer (id 0)
     * @return it with its id and version 0
     * @throws org.crm4j.ConflictException when the deal already has an offer with its number
     */
    OfferRecord insert(OfferRecord offer);

    /**
     * @param offer a changed offer carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    OfferRecord update(OfferRecord offer);

    /**
     * @param id an offer
     * @param visibility applied in the query, to the owner of the offer's deal
     * @return it, if it exists and its deal is visible
     */
    Optional<OfferRecord> find(long id, Visibility visibility);

    /**
     * @param id an offer
     * @return whether it exists at all
     */
    boolean exists(long id);

    /**
     * @param opportunityId a deal
     * @return its offers, lowest number first
     */
    List<OfferRecord> ofOpportunity(long opportunityId);

    /**
     * @param opportunityId a deal
     * @return the highest number of its offers, 0 when it has none
     */
    int lastNumber(long opportunityId);

    /**
     * @param opportunityId a deal
     * @return whether any of its offers was ever sent (sent, accepted, rejected or expired)
     */
    boolean anySent(long opportunityId);

    /**
     * @param order a new order (id 0)
     * @return it with its id
     * @throws org.crm4j.ConflictException when the offer already has an order
     */
    SalesOrderRecord insertOrder(SalesOrderRecord order);

    /**
     * @param id an order
     * @return it, if it exists (whoever may see it: the caller checks the customer)
     */
    Optional<SalesOrderRecord> order(long id);

    /**
     * @param offerId an offer
     * @return the order made from it, if any
     */
    Optional<SalesOrderRecord> orderOf(long offerId);
}
