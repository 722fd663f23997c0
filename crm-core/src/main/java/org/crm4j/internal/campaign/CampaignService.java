package org.crm4j.internal.campaign;

import org.crm4j.store.EventStore;
import org.crm4j.store.CampaignStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.campaign.Campaign;
import org.crm4j.campaign.CampaignGoal;
import org.crm4j.campaign.CampaignId;
import org.crm4j.campaign.store.CampaignRecord;
import org.crm4j.campaign.CampaignStatus;
import org.crm4j.campaign.CampaignSummary;
import org.crm4j.campaign.Campaigns;
import org.crm4j.campaign.CostEntry;
import org.crm4j.campaign.LeadOpening;
import org.crm4j.campaign.LeadOpeningReport;
import org.crm4j.campaign.NewCampaign;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;

/** {@link Campaigns} for one actor. */
public final class CampaignService implements Campaigns {
    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public CampaignService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public Campaign define(NewCampaign campaign) {
        Assert.notNull(campaign, "campaign");
        Instant now = rt.now();
        CampaignRecord draft = campaign.toRecord(actor.id(), now);
        check(draft);
        requireRunBy(draft, "define campaigns run by '" + draft.ownerId() + "'");
        CampaignRecord saved = rt.store().inTransaction(tx -> {
            CampaignRecord inserted = tx.store(CampaignStore.class).insert(draft);
            tx.store(EventStore.class).append(List.of(event(EventTypes.CAMPAIGN_DEFINED, inserted, now, Map.of("name",
                    inserted.name(), "owner", inserted.ownerId(), "goal", inserted.goal().name()))));
            return inserted;
        });
        return Campaign.fromRecord(saved);
    }

    @Override
    public Campaign get(CampaignId id) {
        Assert.notNull(id, "id");
        return Campaign.fromRecord(rt.store().readOnly(tx -> visibleCampaign(tx, visibility(), actor, id.value(),
                "open")));
    }

    @Override
    public CampaignSummary summary(CampaignId id) {
        Assert.notNull(id, "id");
        // name, goal, period and status are no secret (see CampaignSummary)
        CampaignRecord c = rt.store().readOnly(tx -> tx.store(CampaignStore.class).find(id.value(), Visibility.everything()))
                .orElseThrow(() -> new NotFoundException("campaign", id.value()));
        return new CampaignSummary(id, c.name(), c.goal(), c.productCode(), c.channel(), c.startsOn(), c.endsOn(),
                c.status());
    }

    @Override
    public Campaign save(Campaign campaign) {
        Assert.notNull(campaign, "campaign");
        if (campaign.id() == null) {
            throw new ValidationException("campaign.id", "NotNull", "a campaign is saved after it was defined");
        }
        CampaignRecord changed = campaign.toRecord();
        check(changed);
        Instant now = rt.now();
        CampaignRecord saved = rt.store().inTransaction(tx -> {
            CampaignRecord stored = visibleCampaign(tx, visibility(), actor, changed.id(), "change");
            if (stored.version() != changed.version()) {
                throw new ConflictException("campaign " + changed.id() + " was changed by someone else (read at"
                        + " version " + changed.version() + ", now at " + stored.version() + "); reload it");
            }
            if (!stored.ownerId().equals(changed.ownerId())
                    || !Objects.equals(stored.productManagerId(), changed.productManagerId())) {
                requireRunBy(changed, "hand campaign " + changed.id() + " to '" + changed.ownerId() + "'");
            }
            String type = stepEvent(stored.status(), changed.status());
            List<String> fields = changedFields(stored, changed);
            if (type == null && fields.isEmpty()) {
                return stored;
            }
            CampaignRecord updated = tx.store(CampaignStore.class).update(new CampaignRecord(stored.id(), stored.version(),
                    changed.name(), changed.goal(), changed.productCode(), changed.startsOn(), changed.endsOn(),
                    changed.channel(), changed.ownerId(), changed.productManagerId(), stored.currency(),
                    changed.status(), changed.costs(), stored.createdBy(), stored.createdAt(), now));
            List<DomainEvent> events = new ArrayList<>();
            if (!fields.isEmpty()) {
                events.add(event(EventTypes.CAMPAIGN_UPDATED, updated, now, Map.of("fields", String.join(",", fields))));
            }
            if (type != null) {
                events.add(event(type, updated, now, Map.of("name", updated.name())));
            }
            tx.store(EventStore.class).append(events);
            return updated;
        });
        return Campaign.fromRecord(saved);
    }

    @Override
    public LeadOpeningReport openLeads(CampaignId id, LeadOpening opening) {
        Assert.notNull(id, "id");
        Assert.notNull(opening, "opening");
        CampaignRecord campaign = rt.store().readOnly(tx -> visibleCampaign(tx, visibility(), actor, id.value(),
                "open leads on"));
        if (campaign.status() == CampaignStatus.ENDED) {
            throw new ValidationException("campaign.status", "NotEnded", "campaign " + id
                    + " has ended; leads are opened on planned and running campaigns");
        }
        return new BulkLeadOpening(rt, actor, campaign, opening).run();
    }

    // ---- checks

    /**
     * Reads a campaign an actor may see, need-to-know applied in the query.
     *
     * @param tx the transaction
     * @param visibility the actor's visibility
     * @param actor who acts
     * @param id the campaign
     * @param what what the actor tries
     * @return the campaign
     * @throws AccessDeniedException when it exists but the actor may not see it
     * @throws NotFoundException when there is none
     */
    static CampaignRecord visibleCampaign(StoreTransaction tx, Visibility visibility, Actor actor, long id,
            String what) {
        return tx.store(CampaignStore.class).find(id, visibility).orElseThrow(() -> tx.store(CampaignStore.class).exists(id)
                ? new AccessDeniedException(actor.id(), what + " campaign " + id)
                : new NotFoundException("campaign", id));
    }

    /** The actor must keep sight of what they define or hand over: its owner or product manager is theirs. */
    private void requireRunBy(CampaignRecord c, String what) {
        Visibility mine = visibility();
        if (!mine.covers(c.ownerId()) && (c.productManagerId() == null || !mine.covers(c.productManagerId()))) {
            throw new AccessDeniedException(actor.id(), what);
        }
    }

    private void check(CampaignRecord c) {
        List<Violation> violations = new ArrayList<>();
        if (c.startsOn() != null && c.endsOn() != null && c.endsOn().isBefore(c.startsOn())) {
            violations.add(new Violation("endsOn", "NotBeforeStart", "the campaign ends on " + c.endsOn()
                    + ", before it starts on " + c.startsOn()));
        }
        if (c.goal() == CampaignGoal.UPSELL && c.productCode() == null) {
            violations.add(new Violation("productCode", "NotBlank", "an upsell campaign names the product"));
        }
        for (int i = 0; i < c.costs().size(); i++) {
            CostEntry cost = c.costs().get(i);
            if (c.currency() != null && !cost.amount().currency().equals(c.currency())) {
                violations.add(new Violation("costs[" + i + "].amount", "Currency", "the campaign's costs are in "
                        + c.currency() + ", not " + cost.amount().currency()));
            }
        }
        rt.access().unknownOwner(c.ownerId()).ifPresent(violations::add);
        if (c.productManagerId() != null && !rt.access().isKnownUser(c.productManagerId())) {
            violations.add(new Violation("productManagerId", "KnownUser", "'" + c.productManagerId()
                    + "' is not a known user"));
        }
        rt.validation().check(Campaign.fromRecord(c), violations);
    }

    private static String stepEvent(CampaignStatus from, CampaignStatus to) {
        if (from == to) {
            return null;
        }
        if (from == CampaignStatus.PLANNED && to == CampaignStatus.RUNNING) {
            return EventTypes.CAMPAIGN_STARTED;
        }
        if (from == CampaignStatus.RUNNING && to == CampaignStatus.ENDED) {
            return EventTypes.CAMPAIGN_ENDED;
        }
        throw new ValidationException("status", "Step", "a " + from.name().toLowerCase(Locale.ROOT)
                + " campaign cannot become " + to.name().toLowerCase(Locale.ROOT));
    }

    private static List<String> changedFields(CampaignRecord a, CampaignRecord b) {
        List<String> fields = new ArrayList<>();
        compare(fields, "name", a.name(), b.name());
        compare(fields, "goal", a.goal(), b.goal());
        compare(fields, "productCode", a.productCode(), b.productCode());
        compare(fields, "period", List.of(a.startsOn(), a.endsOn()), List.of(b.startsOn(), b.endsOn()));
        compare(fields, "channel", a.channel(), b.channel());
        compare(fields, "owner", a.ownerId(), b.ownerId());
        compare(fields, "productManager", a.productManagerId(), b.productManagerId());
        compare(fields, "costs", a.costs(), b.costs());
        return fields;
    }

    private static void compare(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }

    private DomainEvent event(String type, CampaignRecord c, Instant now, Map<String, String> data) {
        return rt.event(actor, type, "campaign", c.id(), null, now, new LinkedHashMap<>(data));
    }
}
