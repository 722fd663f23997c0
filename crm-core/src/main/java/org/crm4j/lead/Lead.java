package org.crm4j.lead;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crm4j.ValidationException;
import org.crm4j.campaign.CampaignId;
import org.crm4j.customer.CustomerId;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.lead.store.LeadRecord;

/**
 * A lead (R17): the early stage of a deal, on a customer or, when it came in from outside, on a
 * {@link Prospect} not yet a customer; with the campaign and keyword that brought it and the
 * salesperson responsible for contacting it. Its life cycle is new → contacted (by recording a
 * contact attempt, {@link Leads#recordContact}) → qualified → converted ({@link Leads#convert}),
 * or disqualified for a reason. Change it with its methods and write the change with
 * {@link Leads#save}, which raises the events.
 *
 * <p>Instances are not thread-safe.
 */
public final class Lead {
    private final LeadId id;
    private final long version;
    private final CampaignId campaignId;
    private final CustomerId customerId;
    private final Prospect prospect;
    private final String keyword;
    @Size(max = 100)
    private final String source;
    @NotBlank
    @Size(max = 100)
    private String ownerId;
    private LeadStatus status;
    @Size(max = 500)
    private String disqualifyReason;
    private final List<ContactAttempt> attempts;
    private final OpportunityId opportunityId;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final List<DuplicateMatch> matches;

    private Lead(LeadRecord r) {
        this.id = r.id() == 0 ? null : LeadId.of(r.id());
        this.version = r.version();
        this.campaignId = r.campaignId() == null ? null : CampaignId.of(r.campaignId());
        this.customerId = r.customerId() == null ? null : CustomerId.of(r.customerId());
        this.prospect = r.prospect();
        this.keyword = r.keyword();
        this.source = r.source();
        this.ownerId = r.ownerId();
        this.status = r.status();
        this.disqualifyReason = r.disqualifyReason();
        this.attempts = r.attempts();
        this.opportunityId = r.opportunityId() == null ? null : OpportunityId.of(r.opportunityId());
        this.createdBy = r.createdBy();
        this.createdAt = r.createdAt();
        this.updatedAt = r.updatedAt();
        this.matches = r.matches();
    }

    /**
     * Rebuilds a lead from its stored state. Used by the runtime and by store adapters.
     *
     * @param state the stored state
     * @return the lead
     */
    public static Lead fromRecord(LeadRecord state) {
        return new Lead(ValidationException.requireNonNull(state, "state"));
    }

    /** @return the state to store, with the version it was read at */
    public LeadRecord toRecord() {
        return new LeadRecord(id == null ? 0 : id.value(), version, campaignId == null ? null : campaignId.value(),
                customerId == null ? null : customerId.value(), prospect, keyword, source, ownerId, status,
                disqualifyReason, attempts, opportunityId == null ? null : opportunityId.value(), createdBy, createdAt,
                updatedAt, matches);
    }

    /**
     * Hands the lead to another salesperson; saving raises {@code lead.assigned}, telling them.
     *
     * @param userId the new responsible salesperson
     * @return this lead
     */
    public Lead assignTo(String userId) {
        requireOpen("reassigned");
        this.ownerId = userId;
        return this;
    }

    /**
     * Records that the lead is worth a deal; saving raises {@code lead.qualified}.
     *
     * @return this lead
     * @throws ValidationException when it was not contacted, or is closed
     */
    public Lead qualify() {
        if (status != LeadStatus.CONTACTED) {
            throw new ValidationException("status", "Contacted", "lead " + id + " is " + name(status)
                    + "; a lead is qualified after it was contacted");
        }
        this.status = LeadStatus.QUALIFIED;
        return this;
    }

    /**
     * Records that the lead is not worth a deal; saving raises {@code lead.disqualified}.
     *
     * @param reason why (R5: the reason is kept)
     * @return this lead
     * @throws ValidationException when there is no reason, or the lead is closed
     */
    public Lead disqualify(String reason) {
        requireOpen("disqualified");
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("disqualifyReason", "NotBlank", "say why the lead is disqualified");
        }
        this.status = LeadStatus.DISQUALIFIED;
        this.disqualifyReason = reason.strip();
        return this;
    }

    private void requireOpen(String what) {
        if (status == LeadStatus.CONVERTED || status == LeadStatus.DISQUALIFIED) {
            throw new ValidationException("status", "Open", "lead " + id + " is " + name(status)
                    + " and cannot be " + what);
        }
    }

    private static String name(LeadStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Where a deal converted from this lead says it came from, in {@link
     * org.crm4j.pipeline.Opportunity#source()}: {@code key:value} parts joined by {@code ;}, in
     * this order, each only when the lead has it: {@code campaign:<campaign id>},
     * {@code keyword:<keyword>} (normalized, see {@link org.crm4j.campaign.CostEntry}, never
     * containing {@code ;}), then always {@code lead:<lead id>}. For example
     * {@code campaign:12;keyword:crm software;lead:345}, or {@code lead:346} for an inbound lead
     * without a campaign.
     *
     * @return the source text
     * @throws IllegalStateException before the lead was opened
     */
    public String dealSource() {
        if (id == null) {
            throw new IllegalStateException("a lead has a deal source once it is opened");
        }
        StringBuilder s = new StringBuilder();
        if (campaignId != null) {
            s.append("campaign:").append(campaignId.value()).append(';');
        }
        if (keyword != null) {
            s.append("keyword:").append(keyword).append(';');
        }
        return s.append("lead:").append(id.value()).toString();
    }

    /** @return the id, null before it was opened */
    public LeadId id() {
        return id;
    }

    /** @return the version it was read at */
    public long version() {
        return version;
    }

    /** @return the campaign it came from */
    public Optional<CampaignId> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return the customer it is on; for a prospect, the customer made when it was converted */
    public Optional<CustomerId> customerId() {
        return Optional.ofNullable(customerId);
    }

    /** @return who an inbound lead is about; empty for a lead opened on a customer */
    public Optional<Prospect> prospect() {
        return Optional.ofNullable(prospect);
    }

    /** @return the advertising keyword that brought it, normalized */
    public Optional<String> keyword() {
        return Optional.ofNullable(keyword);
    }

    /** @return where it came in */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** @return the responsible salesperson */
    public String ownerId() {
        return ownerId;
    }

    /** @return where it stands */
    public LeadStatus status() {
        return status;
    }

    /** @return why it was disqualified */
    public Optional<String> disqualifyReason() {
        return Optional.ofNullable(disqualifyReason);
    }

    /** @return the contact attempts, oldest first */
    public List<ContactAttempt> attempts() {
        return attempts;
    }

    /** @return the deal it was converted into */
    public Optional<OpportunityId> opportunityId() {
        return Optional.ofNullable(opportunityId);
    }

    /** @return who opened it */
    public String createdBy() {
        return createdBy;
    }

    /** @return when it was opened */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /**
     * The existing customers and open leads this inbound lead looked like when it was opened, as
     * {@link Leads#open} found them, best first: kind, id, score and reasons, without details (see
     * {@link DuplicateMatch}). The lead was opened all the same; whoever works it decides whether it
     * is a twin.
     *
     * @return the likely duplicates, empty when there were none or the lead is on a customer
     */
    public List<DuplicateMatch> possibleDuplicates() {
        return matches;
    }

    @Override
    public String toString() {
        return "Lead[" + id + ", " + status + ", " + ownerId + ", v" + version + "]";
    }
}
