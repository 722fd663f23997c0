package org.crm4j.store;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.store.LeadRecord;

/**
 * Leads in a store. Need-to-know is the deals' one: a lead is found with a visibility only when
 * its owner is covered by it. A customer has at most one lead per campaign; the store holds that
 * rule (in a database, with a unique constraint).
 */
public interface LeadStore {

    /**
     * @param lead a new lead (id 0)
     * @return it with its id and version 0
     * @throws org.crm4j.ConflictException when its customer has a lead of its campaign already
     */
    LeadRecord insert(LeadRecord lead);

    /**
     * Inserts many new leads at once; a store that speaks SQL sends them in JDBC batches.
     *
     * @param leads new leads (id 0)
     * @return them with their ids and version 0, in the same order
     * @throws org.crm4j.ConflictException when a customer has a lead of the campaign already
     */
    List<LeadRecord> insertAll(List<LeadRecord> leads);

    /**
     * @param lead a changed lead carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs
     */
    LeadRecord update(LeadRecord lead);

    /**
     * @param id a lead
     * @param visibility applied in the query, to the lead's owner
     * @return it, if it exists and is visible
     */
    Optional<LeadRecord> find(long id, Visibility visibility);

    /**
     * Locks the lead's row until the transaction ends, so that two conversions of it are made
     * one after the other.
     *
     * @param id a lead
     */
    void lock(long id);

    /**
     * @param id a lead
     * @return whether it exists at all
     */
    boolean exists(long id);

    /**
     * @param customerId a customer
     * @param visibility applied in the query, to the leads' owners
     * @return its visible leads, oldest first
     */
    List<LeadRecord> ofCustomer(long customerId, Visibility visibility);

    /**
     * @param campaignId a campaign
     * @param visibility applied in the query, to the leads' owners
     * @param afterId the last id of the previous page, 0 for the first page
     * @param limit how many at most
     * @return its visible leads with greater ids, lowest id first
     */
    List<LeadRecord> ofCampaign(long campaignId, Visibility visibility, long afterId, int limit);

    /**
     * Finds the open leads (new, contacted or qualified) on prospects that a prospect looks like
     * (see {@link DuplicateQuery} for the order and the limit), comparing the tax id, the e-mail in
     * lower case, the phone and the name key of the leads' prospects. Every such lead matches; only
     * those whose owner the query's visibility covers show their prospect's name, tax id and city
     * and their owner, decided in the query. A store that speaks SQL does it in one statement.
     *
     * @param query the prospect's keys
     * @return matches of kind {@link org.crm4j.lead.MatchKind#LEAD}
     */
    List<DuplicateMatch> duplicates(DuplicateQuery query);

    /**
     * One query for the idempotence check of a bulk opening.
     *
     * @param campaignId a campaign
     * @param customerIds customers
     * @return those of them that have a lead of the campaign
     */
    Set<Long> customersWithLead(long campaignId, Collection<Long> customerIds);

    /**
     * One aggregate query: the campaign's leads counted per keyword and status, with need-to-know
     * on the lead's owner in its {@code WHERE} clause.
     *
     * @param campaignId a campaign
     * @param visibility applied in the query, to the leads' owners
     * @return one row per keyword and status that has visible leads, in no particular order
     */
    List<LeadFunnelRow> funnel(long campaignId, Visibility visibility);

    /**
     * One aggregate query: the won deals converted from the campaign's leads, summed per lead
     * keyword, deal currency and the day the deal entered its won stage (the deal's
     * {@code stageSince}; a deal won again after a reopening counts from its last win), with
     * need-to-know on the deal's owner in its {@code WHERE} clause (whoever owns the lead).
     *
     * @param campaignId a campaign
     * @param visibility applied in the query, to the deals' owners
     * @param zone the zone whose calendar days the rows are per
     * @return one row per keyword, currency and day that has visible won deals, in no particular order
     */
    List<WonRevenueRow> wonRevenue(long campaignId, Visibility visibility, ZoneId zone);

    /**
     * A customer's hand-over (R28): all its open leads (new, contacted, qualified) go to the new owner, each with its version moved
     * on (someone editing one gets a conflict, not a lost change); closed ones keep their owner.
     *
     * @param customerId the customer
     * @param toOwner its new owner
     * @return the ids of the leads moved
     */
    List<Long> reassignOpen(long customerId, String toOwner);
}
