package org.crm4j.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.campaign.store.CampaignRecord;

/**
 * What defines a campaign; pass it to {@link Campaigns#define}. Without an owner, the actor runs
 * it.
 *
 * <pre>{@code
 * Campaign spring = crm.as(mia).campaigns().define(
 *         NewCampaign.named("Spring upsell", CampaignGoal.UPSELL, "EUR").product("CNC-40")
 *                 .period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30)).channel("search ads")
 *                 .productManager("pete").cost(CostEntry.planned(LocalDate.of(2026, 3, 1),
 *                         Money.of("5000.00", "EUR"), "ads")));
 * }</pre>
 */
public final class NewCampaign {
    private final String name;
    private final CampaignGoal goal;
    private final Currency currency;
    private String productCode;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String channel;
    private String ownerId;
    private String productManagerId;
    private final List<CostEntry> costs = new ArrayList<>();

    private NewCampaign(String name, CampaignGoal goal, Currency currency) {
        this.name = name == null ? null : name.strip();
        this.goal = ValidationException.requireNonNull(goal, "goal");
        this.currency = currency;
    }

    /**
     * @param name its name
     * @param goal what it is for
     * @param currencyCode the ISO 4217 code of the currency of its costs
     * @return a new campaign
     * @throws ValidationException when the currency code is unknown
     */
    public static NewCampaign named(String name, CampaignGoal goal, String currencyCode) {
        ValidationException.requireNonNull(currencyCode, "currency");
        try {
            return new NewCampaign(name, goal, Currency.getInstance(currencyCode.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency", "Format", "'" + currencyCode + "' is no ISO 4217 currency code");
        }
    }

    /**
     * @param code the product it promotes (required for an upsell)
     * @return this
     */
    public NewCampaign product(String code) {
        this.productCode = code == null || code.isBlank() ? null : code.strip();
        return this;
    }

    /**
     * @param first its first day
     * @param last its last day, not before the first
     * @return this
     */
    public NewCampaign period(LocalDate first, LocalDate last) {
        this.startsOn = first;
        this.endsOn = last;
        return this;
    }

    /**
     * @param how how it reaches people, e.g. {@code search ads}
     * @return this
     */
    public NewCampaign channel(String how) {
        this.channel = how == null || how.isBlank() ? null : how.strip();
        return this;
    }

    /**
     * @param userId who runs it; by default the actor
     * @return this
     */
    public NewCampaign owner(String userId) {
        this.ownerId = userId;
        return this;
    }

    /**
     * @param userId the product manager working on it
     * @return this
     */
    public NewCampaign productManager(String userId) {
        this.productManagerId = userId == null || userId.isBlank() ? null : userId.strip();
        return this;
    }

    /**
     * @param cost a planned or actual cost, in the campaign's currency
     * @return this
     */
    public NewCampaign cost(CostEntry cost) {
        costs.add(ValidationException.requireNonNull(cost, "cost"));
        return this;
    }

    /**
     * The state of the campaign to define. Used by the runtime.
     *
     * @param defaultOwner the owner when none was given
     * @param now when
     * @return the state, planned, with id 0
     */
    public CampaignRecord toRecord(String defaultOwner, Instant now) {
        return new CampaignRecord(0, 0, name, goal, productCode, startsOn, endsOn, channel,
                ownerId == null ? defaultOwner : ownerId, productManagerId, currency, CampaignStatus.PLANNED, costs,
                defaultOwner, now, now);
    }
}
