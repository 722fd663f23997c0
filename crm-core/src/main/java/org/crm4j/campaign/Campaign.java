package org.crm4j.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;
import org.crm4j.campaign.store.CampaignRecord;

/**
 * A marketing campaign (R17, R18): a goal, a period, a channel, who runs it (the owner, often a
 * sales manager) with an optional product manager, and its planned and actual costs in one
 * currency. Its life cycle is planned → running → ended, each step taken with {@link #start()}
 * or {@link #end()} and written with {@link Campaigns#save}, which raises
 * {@code campaign.started} or {@code campaign.ended}. Leads are opened on it in bulk with
 * {@link Campaigns#openLeads}.
 *
 * <p>Instances are not thread-safe.
 */
public final class Campaign {
    /** How many cost entries a campaign may have. */
    public static final int MAX_COSTS = 5000;

    private final CampaignId id;
    private final long version;
    @NotBlank
    @Size(max = 200)
    private String name;
    @NotNull
    private CampaignGoal goal;
    @Size(max = 50)
    private String productCode;
    @NotNull
    private LocalDate startsOn;
    @NotNull
    private LocalDate endsOn;
    @Size(max = 100)
    private String channel;
    @NotBlank
    @Size(max = 100)
    private String ownerId;
    @Size(max = 100)
    private String productManagerId;
    private final Currency currency;
    private CampaignStatus status;
    @Size(max = MAX_COSTS)
    private final List<CostEntry> costs;
    private final String createdBy;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Campaign(CampaignRecord r) {
        this.id = r.id() == 0 ? null : CampaignId.of(r.id());
        this.version = r.version();
        this.name = r.name();
        this.goal = r.goal();
        this.productCode = r.productCode();
        this.startsOn = r.startsOn();
        this.endsOn = r.endsOn();
        this.channel = r.channel();
        this.ownerId = r.ownerId();
        this.productManagerId = r.productManagerId();
        this.currency = r.currency();
        this.status = r.status();
        this.costs = new ArrayList<>(r.costs());
        this.createdBy = r.createdBy();
        this.createdAt = r.createdAt();
        this.updatedAt = r.updatedAt();
    }

    /**
     * Rebuilds a campaign from its stored state. Used by the runtime and by store adapters.
     *
     * @param state the stored state
     * @return the campaign
     */
    public static Campaign fromRecord(CampaignRecord state) {
        return new Campaign(ValidationException.requireNonNull(state, "state"));
    }

    /** @return the state to store, with the version it was read at */
    public CampaignRecord toRecord() {
        return new CampaignRecord(id == null ? 0 : id.value(), version, name, goal, productCode, startsOn, endsOn,
                channel, ownerId, productManagerId, currency, status, costs, createdBy, createdAt, updatedAt);
    }

    /**
     * @param newName the new name
     * @return this campaign
     */
    public Campaign rename(String newName) {
        requireNotEnded("renamed");
        this.name = newName == null ? null : newName.strip();
        return this;
    }

    /**
     * @param first its first day
     * @param last its last day, not before the first
     * @return this campaign
     */
    public Campaign period(LocalDate first, LocalDate last) {
        requireNotEnded("rescheduled");
        this.startsOn = ValidationException.requireNonNull(first, "startsOn");
        this.endsOn = ValidationException.requireNonNull(last, "endsOn");
        return this;
    }

    /**
     * @param newGoal the goal
     * @param product the product it promotes (required for an upsell), or null
     * @return this campaign
     */
    public Campaign goal(CampaignGoal newGoal, String product) {
        requireNotEnded("given another goal");
        this.goal = ValidationException.requireNonNull(newGoal, "goal");
        this.productCode = blankToNull(product);
        return this;
    }

    /**
     * @param newChannel how it reaches people, or null
     * @return this campaign
     */
    public Campaign channel(String newChannel) {
        this.channel = blankToNull(newChannel);
        return this;
    }

    /**
     * @param userId who runs it from now on; a user the directory knows
     * @return this campaign
     */
    public Campaign owner(String userId) {
        this.ownerId = userId;
        return this;
    }

    /**
     * @param userId the product manager working on it, or null for none
     * @return this campaign
     */
    public Campaign productManager(String userId) {
        this.productManagerId = blankToNull(userId);
        return this;
    }

    /**
     * Adds a cost; an ended campaign still takes costs, as invoices arrive after it.
     *
     * @param cost the cost, in the campaign's currency
     * @return this campaign
     */
    public Campaign addCost(CostEntry cost) {
        costs.add(ValidationException.requireNonNull(cost, "cost"));
        return this;
    }

    /**
     * Starts the planned campaign; saving raises {@code campaign.started}.
     *
     * @return this campaign
     * @throws ValidationException when it is not planned
     */
    public Campaign start() {
        if (status != CampaignStatus.PLANNED) {
            throw new ValidationException("status", "Planned", "campaign " + id + " is " + name(status)
                    + "; only a planned campaign is started");
        }
        this.status = CampaignStatus.RUNNING;
        return this;
    }

    /**
     * Ends the running campaign; saving raises {@code campaign.ended}.
     *
     * @return this campaign
     * @throws ValidationException when it is not running
     */
    public Campaign end() {
        if (status != CampaignStatus.RUNNING) {
            throw new ValidationException("status", "Running", "campaign " + id + " is " + name(status)
                    + "; only a running campaign is ended");
        }
        this.status = CampaignStatus.ENDED;
        return this;
    }

    /**
     * The actual cost of the campaign, or of one of its keywords, over a period (R18).
     *
     * @param keyword a keyword (compared in its normalized spelling), or null for every actual cost
     * @param from the first day counted
     * @param to the last day counted
     * @return the sum of the actual cost entries with that keyword dated from {@code from} to
     *     {@code to}, in the campaign's currency
     */
    public Money actualCost(String keyword, LocalDate from, LocalDate to) {
        ValidationException.requireNonNull(from, "from");
        ValidationException.requireNonNull(to, "to");
        String k = CostEntry.keyword(keyword);
        BigDecimal sum = BigDecimal.ZERO;
        for (CostEntry c : costs) {
            if (c.kind() == CostKind.ACTUAL && (k == null || k.equals(c.keyword()))
                    && !c.date().isBefore(from) && !c.date().isAfter(to)) {
                sum = sum.add(c.amount().amount());
            }
        }
        return Money.rounded(sum, currency.getCurrencyCode());
    }

    private void requireNotEnded(String what) {
        if (status == CampaignStatus.ENDED) {
            throw new ValidationException("status", "NotEnded", "campaign " + id + " has ended and cannot be " + what);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String name(CampaignStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    /** @return the id, null before it was defined */
    public CampaignId id() {
        return id;
    }

    /** @return the version it was read at */
    public long version() {
        return version;
    }

    /** @return its name */
    public String name() {
        return name;
    }

    /** @return what it is for */
    public CampaignGoal goal() {
        return goal;
    }

    /** @return the product it promotes */
    public Optional<String> productCode() {
        return Optional.ofNullable(productCode);
    }

    /** @return its first day */
    public LocalDate startsOn() {
        return startsOn;
    }

    /** @return its last day */
    public LocalDate endsOn() {
        return endsOn;
    }

    /** @return how it reaches people */
    public Optional<String> channel() {
        return Optional.ofNullable(channel);
    }

    /** @return who runs it */
    public String ownerId() {
        return ownerId;
    }

    /** @return the product manager working on it */
    public Optional<String> productManagerId() {
        return Optional.ofNullable(productManagerId);
    }

    /** @return the currency of its costs */
    public Currency currency() {
        return currency;
    }

    /** @return where it stands */
    public CampaignStatus status() {
        return status;
    }

    /** @return its cost entries, in the order entered */
    public List<CostEntry> costs() {
        return Collections.unmodifiableList(costs);
    }

    /** @return who defined it */
    public String createdBy() {
        return createdBy;
    }

    /** @return when it was defined */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Campaign[" + id + ", " + name + ", " + status + ", v" + version + "]";
    }
}
