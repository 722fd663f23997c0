package org.crm4j.lead;

import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.campaign.CampaignId;
import org.crm4j.common.Page;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.CustomerId;

/**
 * Leads (R17) as one actor may see and work them. Get it from {@code crm.as(actor).leads()}.
 *
 * <p>Need-to-know (R28), as for deals: a lead is visible to its owner, the owner's superiors and
 * administrators, on every read path.
 */
public interface Leads {

    /**
     * Opens one lead, raising {@code lead.opened} and {@code lead.assigned}. An inbound lead is
     * checked for duplicates first, as by {@link #possibleDuplicates}, in the same transaction: it
     * is opened whatever the check finds, keeps the matches ({@link Lead#possibleDuplicates()}),
     * and its {@code lead.opened} event then carries {@code duplicateScore} (the best score) and
     * {@code duplicates} (how many matches).
     *
     * @param lead what it is
     * @return the lead
     * @throws ValidationException when the owner or the campaign is unknown
     * @throws AccessDeniedException when the actor may not open the customer, or the owner is
     *     neither the actor nor reports to the actor
     * @throws NotFoundException when there is no such customer
     * @throws ConflictException when the customer has a lead of that campaign already
     */
    Lead open(NewLead lead);

    /**
     * The duplicate check (R17): which existing customers and open leads (new, contacted or
     * qualified; converted and disqualified ones are left out) a prospect likely is, so that a web
     * form does not silently make a twin. Compared, both sides normalised alike: the tax id
     * ({@link org.crm4j.common.TaxIds}) with customers' and leads' tax ids; the e-mail (in lower
     * case) and the phone (E.164) with leads' and with the contacts of customers the actor may see
     * (contact persons are need-to-know details, R28); the name key
     * ({@link org.crm4j.common.NameKeys}) of the company, or of the person when there is none, with
     * customers' names and leads' companies (or persons). Archived customers count: a returning
     * customer is better reactivated than made twice. Scored and shown as
     * {@link DuplicateMatch} tells; at most 10, scores of 50 and more, best first (then customers
     * before leads, then by id). Two statements where the store speaks SQL.
     *
     * @param prospect who came in, or is about to be entered
     * @return the likely duplicates, best first
     * @throws ValidationException when the prospect is null
     */
    List<DuplicateMatch> possibleDuplicates(Prospect prospect);

    /**
     * @param id a lead
     * @return it
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see it
     */
    Lead get(LeadId id);

    /**
     * @param customerId a customer
     * @return its leads the actor may see, oldest first
     */
    List<Lead> ofCustomer(CustomerId customerId);

    /**
     * @param campaignId a campaign
     * @param pageToken where the previous page ended, or null for the first page
     * @param pageSize 1 to 500
     * @return the campaign's leads the actor may see, oldest first
     * @throws NotFoundException when there is no such campaign
     * @throws ValidationException when the page size is out of range or the token is not one
     */
    Page<Lead> ofCampaign(CampaignId campaignId, String pageToken, int pageSize);

    /**
     * Records an attempt to contact the lead's customer by phone, by the actor now: as
     * {@link #recordContact(LeadId, ChannelType, String)} with {@link ChannelType#PHONE}.
     *
     * @param id an open lead
     * @param text how it went
     * @return the lead as now stored
     * @throws ValidationException when the lead is converted or disqualified
     * @throws AccessDeniedException when the actor may not see it
     */
    Lead recordContact(LeadId id, String text);

    /**
     * Records an attempt to contact the lead's customer, by the actor now; a new lead becomes
     * contacted, raising {@code lead.contacted}. For a lead on a customer, the attempt is also
     * logged as a done activity of the actor with the customer, linked to the lead, in the same
     * transaction (raising {@code activity.logged}): an outbound call for {@link ChannelType#PHONE},
     * an e-mail for {@link ChannelType#EMAIL}, with the text as its outcome; so it shows in the
     * customer's activities, on the card and on the actor's schedule. An inbound lead for a
     * prospect has no customer yet: its attempts are kept on the lead only
     * ({@link Lead#attempts()}), and no activity is logged for them, not even when the lead is
     * converted later.
     *
     * @param id an open lead
     * @param channel how the actor tried: {@link ChannelType#PHONE} or {@link ChannelType#EMAIL}
     * @param text how it went
     * @return the lead as now stored
     * @throws ValidationException when the lead is converted or disqualified, or the channel is
     *     another ({@code channel}, {@code PhoneOrEmail})
     * @throws AccessDeniedException when the actor may not see it
     */
    Lead recordContact(LeadId id, ChannelType channel, String text);

    /**
     * Writes a lead's qualification, disqualification or new owner, raising
     * {@code lead.qualified}, {@code lead.disqualified} or {@code lead.assigned}.
     *
     * @param lead a lead read with {@link #get} and changed with its methods
     * @return it as now stored
     * @throws ValidationException when a rule is broken or the new owner is unknown
     * @throws ConflictException when someone else changed it meanwhile
     * @throws AccessDeniedException when the actor may not see it, or hands it to someone the
     *     actor may not see
     */
    Lead save(Lead lead);

    /**
     * Converts a qualified lead (R17) in one transaction: for a prospect, into a customer owned by
     * the lead's owner and a contact person (from the prospect's person, e-mail and phone); then
     * into a deal owned by the lead's owner whose source tells where it came from (see
     * {@link Lead#dealSource()}). Either all of it is written or nothing; the lead records the
     * deal and the customer and raises {@code lead.converted}.
     *
     * @param id a qualified lead
     * @param conversion the deal to open
     * @return the converted lead
     * @throws ValidationException when the lead is not qualified, the deal is invalid or a
     *     pipeline rule refuses it, or a prospect has no name to make a customer of
     * @throws ConflictException when the lead was converted already (also by a concurrent call)
     * @throws AccessDeniedException when the actor may not see the lead
     */
    Lead convert(LeadId id, Conversion conversion);
}
