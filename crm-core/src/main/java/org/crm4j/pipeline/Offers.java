package org.crm4j.pipeline;

import java.util.List;
import java.util.Optional;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;

/**
 * Offers (quotes) of deals and the sales orders made from them (R6, R12, R13), as one actor may
 * see and change them. Need-to-know (R28) follows the deal: who may see a deal sees its offers.
 * Get it from {@code crm.as(actor).offers()}.
 */
public interface Offers {

    /**
     * Drafts the next version of an offer for an open deal, priced in the deal's pipeline
     * currency.
     *
     * @param opportunityId the deal
     * @param offer its lines, validity and terms
     * @return the draft
     * @throws ValidationException when a line is priced in another currency, the validity lies in
     *     the past, or the deal is closed
     * @throws AccessDeniedException when the actor may not see the deal
     */
    Offer draft(OpportunityId opportunityId, NewOffer offer);

    /**
     * @param id an offer
     * @return the offer
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see its deal
     */
    Offer get(OfferId id);

    /**
     * @param opportunityId a deal
     * @return its offers, first version first
     * @throws NotFoundException when there is no such deal
     * @throws AccessDeniedException when the actor may not see it
     */
    List<Offer> ofOpportunity(OpportunityId opportunityId);

    /**
     * @param id an offer
     * @return whom it is addressed to: the deal's customer and its primary contact person, for
     *     the offer's document
     * @throws NotFoundException when there is no such offer
     * @throws AccessDeniedException when the actor may not see its deal
     */
    OfferAddressee addressee(OfferId id);

    /**
     * Writes the changes made to an offer: edits of a draft, or a step of its life cycle (sent,
     * accepted, rejected, expired), each raised as an event. Sending needs at least one line and
     * a validity not yet passed; accepting needs a validity not yet passed and no other accepted
     * offer on the deal; expiring needs a validity that has passed.
     *
     * @param offer an offer read with {@link #get} and changed with its methods
     * @return the offer as now stored
     * @throws ValidationException when a rule is broken
     * @throws ConflictException when someone else changed it meanwhile
     * @throws AccessDeniedException when the actor may not see its deal
     */
    Offer save(Offer offer);

    /**
     * Drafts the next version of a sent, rejected or expired offer with the same lines and terms,
     * to be changed and sent again. It stays valid until the same day as the offer it revises
     * or, when that day has passed, for as many days from today as that offer was valid for.
     *
     * @param id the offer to start from
     * @return the new draft
     * @throws ValidationException when the offer is a draft or accepted, or its deal is closed
     * @throws NotFoundException when there is no such offer
     * @throws AccessDeniedException when the actor may not see its deal
     */
    Offer revise(OfferId id);

    /**
     * Turns an accepted offer into a sales order for the ERP, raising {@code order.placed}.
     *
     * @param id an accepted offer
     * @return the order
     * @throws ValidationException when the offer is not accepted
     * @throws ConflictException when it was already turned into an order
     * @throws NotFoundException when there is no such offer
     * @throws AccessDeniedException when the actor may not see its deal
     */
    SalesOrder placeOrder(OfferId id);

    /**
     * @param id an offer
     * @return the sales order made from it, if any
     * @throws NotFoundException when there is no such offer
     * @throws AccessDeniedException when the actor may not see its deal
     */
    Optional<SalesOrder> orderOf(OfferId id);
}
