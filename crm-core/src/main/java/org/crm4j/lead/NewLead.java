package org.crm4j.lead;

import java.time.Instant;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.campaign.CampaignId;
import org.crm4j.campaign.CostEntry;
import org.crm4j.customer.CustomerId;
import org.crm4j.lead.store.LeadRecord;

/**
 * What opens one lead; pass it to {@link Leads#open}. Without an owner, the actor is responsible
 * for it. (Leads on a campaign's targets are opened in bulk with
 * {@code Campaigns.openLeads}.)
 *
 * <pre>{@code
 * Lead lead = crm.as(sam).leads().open(NewLead.inbound(Prospect.company("Initech")
 *         .withPerson("Bill Lumbergh").withEmail("bill@initech.example"))
 *         .campaign(spring.id()).keyword("crm software").source("web form"));
 * }</pre>
 */
public final class NewLead {
    private final CustomerId customerId;
    private final Prospect prospect;
    private CampaignId campaignId;
    private String keyword;
    private String source;
    private String ownerId;

    private NewLead(CustomerId customerId, Prospect prospect) {
        this.customerId = customerId;
        this.prospect = prospect;
    }

    /**
     * @param customer an existing customer
     * @return a lead on it
     */
    public static NewLead onCustomer(CustomerId customer) {
        return new NewLead(ValidationException.requireNonNull(customer, "customerId"), null);
    }

    /**
     * @param prospect who came in, not yet a customer
     * @return an inbound lead
     */
    public static NewLead inbound(Prospect prospect) {
        return new NewLead(null, ValidationException.requireNonNull(prospect, "prospect"));
    }

    /**
     * @param campaign the campaign it came from (optional for an inbound lead)
     * @return this
     */
    public NewLead campaign(CampaignId campaign) {
        this.campaignId = campaign;
        return this;
    }

    /**
     * @param word the advertising keyword that brought it
     * @return this
     * @throws ValidationException when it is too long or contains {@code ;}
     */
    public NewLead keyword(String word) {
        this.keyword = CostEntry.keyword(word);
        return this;
    }

    /**
     * @param channel where it came in, e.g. {@code web form}
     * @return this
     */
    public NewLead source(String channel) {
        this.source = channel == null || channel.isBlank() ? null : channel.strip();
        return this;
    }

    /**
     * @param userId the responsible salesperson; by default the actor
     * @return this
     */
    public NewLead owner(String userId) {
        this.ownerId = userId;
        return this;
    }

    /**
     * The state of the lead to open. Used by the runtime.
     *
     * @param actorId who opens it, the owner when none was given
     * @param now when
     * @return the state, new, with id 0
     */
    public LeadRecord toRecord(String actorId, Instant now) {
        return new LeadRecord(0, 0, campaignId == null ? null : campaignId.value(),
                customerId == null ? null : customerId.value(), prospect, keyword, source,
                ownerId == null ? actorId : ownerId, LeadStatus.NEW, null, List.of(), null, actorId, now, now, List.of());
    }
}
