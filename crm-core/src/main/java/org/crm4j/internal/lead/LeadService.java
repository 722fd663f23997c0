package org.crm4j.internal.lead;

import org.crm4j.store.LeadStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.ContactStore;
import org.crm4j.store.CampaignStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.activity.CallDirection;
import org.crm4j.campaign.CampaignId;
import org.crm4j.common.Address;
import org.crm4j.common.Page;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.Customer;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.lead.ContactAttempt;
import org.crm4j.lead.Conversion;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.Lead;
import org.crm4j.lead.LeadId;
import org.crm4j.lead.store.LeadRecord;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.Leads;
import org.crm4j.lead.NewLead;
import org.crm4j.lead.Prospect;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.store.DuplicateQuery;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;
import org.crm4j.internal.activity.ActivityService;
import org.crm4j.internal.customer.CustomerService;
import org.crm4j.internal.pipeline.OpportunityService;

/** {@link Leads} for one actor: need-to-know follows the lead's owner, as for deals. */
public final class LeadService implements Leads {
    /** How many likely duplicates a check reports at most. */
    static final int MAX_MATCHES = 10;
    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public LeadService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public Lead open(NewLead lead) {
        Assert.notNull(lead, "lead");
        Instant now = rt.now();
        LeadRecord draft = lead.toRecord(actor.id(), now);
        List<Violation> violations = new ArrayList<>();
        rt.access().unknownOwner(draft.ownerId()).ifPresent(violations::add);
        rt.validation().check(Lead.fromRecord(draft), violations);
        if (!visibility().covers(draft.ownerId())) {
            throw new AccessDeniedException(actor.id(), "open leads owned by '" + draft.ownerId() + "'");
        }
        LeadRecord saved = rt.store().inTransaction(tx -> {
            if (draft.campaignId() != null && !tx.store(CampaignStore.class).exists(draft.campaignId())) {
                throw new ValidationException("campaignId", "Exists", "there is no campaign " + draft.campaignId());
            }
            if (draft.customerId() != null) {
                CustomerService.openableCustomer(tx, visibility(), actor, draft.customerId(), "open leads on");
                if (draft.campaignId() != null && !tx.store(LeadStore.class).customersWithLead(draft.campaignId(),
                        List.of(draft.customerId())).isEmpty()) {
                    throw new ConflictException("customer " + draft.customerId() + " has a lead of campaign "
                            + draft.campaignId() + " already");
                }
            }
            LeadRecord checked = draft.prospect() == null ? draft
                    : draft.withMatches(duplicates(tx, draft.prospect()));
            LeadRecord inserted = tx.store(LeadStore.class).insert(checked);
            tx.store(EventStore.class).append(openingEvents(rt, actor, inserted, now));
            return inserted;
        });
        return Lead.fromRecord(saved);
    }

    @Override
    public List<DuplicateMatch> possibleDuplicates(Prospect prospect) {
        Assert.notNull(prospect, "prospect");
        List<Violation> broken = StoredValues.violations(prospect);
        if (!broken.isEmpty()) {
            // a search with such a text fails on PostgreSQL and finds nothing elsewhere: refused alike
            throw new ValidationException(broken.stream().map(v -> new Violation("prospect." + v.field(), v.rule(),
                    v.message())).toList());
        }
        return rt.store().readOnly(tx -> duplicates(tx, prospect));
    }

    /**
     * Two statements where the store speaks SQL: the customers (with their contacts' channels),
     * then the open leads; each limited, then merged.
     */
    private List<DuplicateMatch> duplicates(StoreTransaction tx, Prospect prospect) {
        return DuplicateQuery.of(prospect, visibility(), MAX_MATCHES).map(q -> {
            List<DuplicateMatch> all = new ArrayList<>(tx.store(CustomerStore.class).duplicates(q));
            all.addAll(tx.store(LeadStore.class).duplicates(q));
            return all.stream().filter(m -> m.score() >= DuplicateMatch.MIN_SCORE)
                    .sorted(Comparator.comparingInt(DuplicateMatch::score).reversed()
                            .thenComparing(DuplicateMatch::kind).thenComparingLong(DuplicateMatch::id))
                    .limit(MAX_MATCHES).toList();
        }).orElse(List.of());
    }

    @Override
    public Lead get(LeadId id) {
        Assert.notNull(id, "id");
        return Lead.fromRecord(rt.store().readOnly(tx -> visibleLead(tx, id.value(), "open")));
    }

    @Override
    public List<Lead> ofCustomer(CustomerId customerId) {
        Assert.notNull(customerId, "customerId");
        return rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, customerId.value(), "see the leads of");
            return tx.store(LeadStore.class).ofCustomer(customerId.value(), visibility()).stream().map(Lead::fromRecord).toList();
        });
    }

    @Override
    public Page<Lead> ofCampaign(CampaignId campaignId, String pageToken, int pageSize) {
        Assert.notNull(campaignId, "campaignId");
        Assert.pageSize(pageSize);
        long after = decode(pageToken);
        List<LeadRecord> rows = rt.store().readOnly(tx -> {
            if (!tx.store(CampaignStore.class).exists(campaignId.value())) {
                throw new NotFoundException("campaign", campaignId.value());
            }
            return tx.store(LeadStore.class).ofCampaign(campaignId.value(), visibility(), after, pageSize + 1);
        });
        boolean more = rows.size() > pageSize;
        List<LeadRecord> page = more ? rows.subList(0, pageSize) : rows;
        String next = more ? "L" + Long.toString(page.get(page.size() - 1).id(), 36) : null;
        return new Page<>(page.stream().map(Lead::fromRecord).toList(), next);
    }

    private static long decode(String token) {
        if (token == null) {
            return 0;
        }
        try {
            if (token.startsWith("L")) {
                return Long.parseLong(token.substring(1), 36);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("pageToken", "Format", "'" + token + "' is no page token of this list");
    }

    @Override
    public Lead recordContact(LeadId id, String text) {
        return recordContact(id, ChannelType.PHONE, text);
    }

    @Override
    public Lead recordContact(LeadId id, ChannelType channel, String text) {
        Assert.notNull(id, "id");
        Assert.notNull(channel, "channel");
        if (channel != ChannelType.PHONE && channel != ChannelType.EMAIL) {
            throw new ValidationException("channel", "PhoneOrEmail", "a contact attempt is a phone call or an"
                    + " e-mail, not " + channel);
        }
        Instant now = rt.now();
        ContactAttempt attempt = new ContactAttempt(actor.id(), now, text);
        LeadRecord saved = rt.store().inTransaction(tx -> {
            LeadRecord stored = visibleLead(tx, id.value(), "contact");
            requireOpen(stored, "contacted");
            List<ContactAttempt> attempts = new ArrayList<>(stored.attempts());
            attempts.add(attempt);
            LeadStatus status = stored.status() == LeadStatus.NEW ? LeadStatus.CONTACTED : stored.status();
            LeadRecord updated = tx.store(LeadStore.class).update(copy(stored, stored.ownerId(), status, null, attempts, null,
                    stored.customerId(), now));
            if (status != stored.status()) {
                tx.store(EventStore.class).append(List.of(event(rt, actor, EventTypes.LEAD_CONTACTED, updated, now,
                        Map.of("by", actor.id()))));
            }
            if (stored.customerId() != null) {
                boolean call = channel == ChannelType.PHONE;
                new ActivityService(rt, actor).logAttempt(tx, new ActivityRecord(0, 0,
                        call ? ActivityType.CALL : ActivityType.EMAIL, call ? CallDirection.OUTBOUND : null,
                        ActivityStatus.DONE, stored.customerId(), actor.id(), Set.of(), Set.of(), now, Duration.ZERO,
                        attempt.text(), null, stored.id(), actor.id(), now, now, now), now);
            }
            return updated;
        });
        return Lead.fromRecord(saved);
    }

    @Override
    public Lead save(Lead lead) {
        Assert.notNull(lead, "lead");
        if (lead.id() == null) {
            throw new ValidationException("lead.id", "NotNull", "a lead is saved after it was opened");
        }
        LeadRecord changed = lead.toRecord();
        List<Violation> violations = new ArrayList<>();
        rt.access().unknownOwner(changed.ownerId()).ifPresent(violations::add);
        rt.validation().check(lead, violations);
        Instant now = rt.now();
        LeadRecord saved = rt.store().inTransaction(tx -> {
            LeadRecord stored = visibleLead(tx, changed.id(), "change");
            if (stored.version() != changed.version()) {
                throw new ConflictException("lead " + changed.id() + " was changed by someone else (read at version "
                        + changed.version() + ", now at " + stored.version() + "); reload it");
            }
            boolean reassigned = !stored.ownerId().equals(changed.ownerId());
            if (reassigned && !visibility().covers(changed.ownerId())) {
                throw new AccessDeniedException(actor.id(), "hand lead " + changed.id() + " to '"
                        + changed.ownerId() + "'");
            }
            boolean stepped = stored.status() != changed.status();
            if (stepped) {
                checkStep(stored, changed.status());
            }
            if (!stepped && !reassigned) {
                return stored;
            }
            LeadRecord updated = tx.store(LeadStore.class).update(copy(stored, changed.ownerId(), changed.status(),
                    changed.disqualifyReason(), stored.attempts(), stored.opportunityId(), stored.customerId(), now));
            List<DomainEvent> events = new ArrayList<>();
            if (reassigned) {
                events.add(assignedEvent(rt, actor, updated, stored.ownerId(), now));
            }
            if (stepped) {
                events.add(updated.status() == LeadStatus.QUALIFIED
                        ? event(rt, actor, EventTypes.LEAD_QUALIFIED, updated, now, Map.of("owner", updated.ownerId()))
                        : event(rt, actor, EventTypes.LEAD_DISQUALIFIED, updated, now,
                                Map.of("reason", updated.disqualifyReason())));
            }
            tx.store(EventStore.class).append(events);
            return updated;
        });
        return Lead.fromRecord(saved);
    }

    private static void checkStep(LeadRecord stored, LeadStatus to) {
        boolean allowed = switch (to) {
            case QUALIFIED -> stored.status() == LeadStatus.CONTACTED;
            case DISQUALIFIED -> stored.status() == LeadStatus.NEW || stored.status() == LeadStatus.CONTACTED
                    || stored.status() == LeadStatus.QUALIFIED;
            default -> false;
        };
        if (!allowed) {
            throw new ValidationException("status", "Step", "lead " + stored.id() + " is " + name(stored.status())
                    + " and cannot become " + name(to) + (to == LeadStatus.CONVERTED ? " but by convert" : ""));
        }
    }

    @Override
    public Lead convert(LeadId id, Conversion conversion) {
        Assert.notNull(id, "id");
        Assert.notNull(conversion, "conversion");
        Instant now = rt.now();
        LeadRecord saved = rt.store().inTransaction(tx -> {
            tx.store(LeadStore.class).lock(id.value());
            LeadRecord lead = visibleLead(tx, id.value(), "convert");
            if (lead.status() == LeadStatus.CONVERTED) {
                throw new ConflictException("lead " + lead.id() + " was converted already, into opportunity "
                        + lead.opportunityId());
            }
            if (lead.status() != LeadStatus.QUALIFIED) {
                throw new ValidationException("status", "Qualified", "lead " + lead.id() + " is "
                        + name(lead.status()) + "; only a qualified lead is converted");
            }
            List<DomainEvent> events = new ArrayList<>();
            boolean newCustomer = lead.customerId() == null;
            long customerId = newCustomer ? customerOf(tx, lead, now, events) : lead.customerId();
            if (!newCustomer && !tx.store(CustomerStore.class).exists(customerId)) {
                throw new NotFoundException("customer", customerId);
            }
            NewOpportunity deal = NewOpportunity.on(CustomerId.of(customerId), conversion.title(),
                    conversion.pipelineId()).amount(conversion.amount()).expectedClose(conversion.expectedClose())
                    .source(Lead.fromRecord(lead).dealSource()).owner(lead.ownerId());
            if (conversion.stageCode() != null) {
                deal.stage(conversion.stageCode());
            }
            // Who may see the lead (its owner's line, or its customer's owner's line) may turn it into a
            // deal on its customer: the deal belongs to the lead's owner.
            tx.store(EventStore.class).append(events);
            OpportunityService deals = new OpportunityService(rt, actor);
            OpportunityRecord opened = deals.insert(tx, deals.prepare(deal, now, true), now);
            LeadRecord updated = tx.store(LeadStore.class).update(copy(lead, lead.ownerId(), LeadStatus.CONVERTED, null,
                    lead.attempts(), opened.id(), customerId, now));
            Map<String, String> data = new LinkedHashMap<>();
            data.put("deal", Long.toString(opened.id()));
            data.put("customer", Long.toString(customerId));
            if (newCustomer) {
                data.put("newCustomer", "true");
            }
            tx.store(EventStore.class).append(List.of(event(rt, actor, EventTypes.LEAD_CONVERTED, updated, now, data)));
            return updated;
        });
        return Lead.fromRecord(saved);
    }

    /** Makes the customer, and the contact person when the prospect names one, of an inbound lead. */
    private long customerOf(StoreTransaction tx, LeadRecord lead, Instant now, List<DomainEvent> events) {
        Prospect p = lead.prospect();
        String name = p.company() != null ? p.company() : p.personName();
        if (name == null) {
            throw new ValidationException("prospect", "Name", "lead " + lead.id() + " names neither a company nor a"
                    + " person; give the prospect a name before converting it into a customer");
        }
        NewCustomer customer = (p.company() != null ? NewCustomer.company(name) : NewCustomer.person(name))
                .owner(lead.ownerId()).taxId(p.taxId());
        if (p.city() != null && p.country() != null) {
            customer.address(Address.of(p.city(), p.country()));
        }
        CustomerRecord draft = customer.toRecord(lead.ownerId(), now);
        rt.validation().check(Customer.fromRecord(draft), List.of());
        CustomerRecord inserted = tx.store(CustomerStore.class).insert(draft);
        events.add(rt.event(actor, EventTypes.CUSTOMER_CREATED, "customer", inserted.id(), inserted.id(), now,
                Map.of("name", inserted.name(), "owner", inserted.ownerId())));
        if (p.personName() != null) {
            NewContact contact = NewContact.named(p.personName()).primary();
            if (p.email() != null) {
                contact.channel(ContactChannel.email(p.email(), null));
            }
            if (p.phone() != null) {
                contact.channel(ContactChannel.phone(p.phone(), null));
            }
            ContactRecord record = contact.toRecord(inserted.id(), now);
            rt.validation().check(ContactPerson.fromRecord(record), List.of());
            ContactRecord added = tx.store(ContactStore.class).insert(record);
            events.add(rt.event(actor, EventTypes.CONTACT_ADDED, "contact", added.id(), inserted.id(), now,
                    Map.of("name", added.name())));
        }
        return inserted.id();
    }

    // ---- shared with the bulk opening

    /**
     * @param rt the runtime
     * @param actor who opened it
     * @param lead a lead just inserted
     * @param now when
     * @return its {@code lead.opened} and {@code lead.assigned} events
     */
    public static List<DomainEvent> openingEvents(Runtime rt, Actor actor, LeadRecord lead, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("owner", lead.ownerId());
        if (lead.campaignId() != null) {
            data.put("campaign", Long.toString(lead.campaignId()));
        }
        if (lead.keyword() != null) {
            data.put("keyword", lead.keyword());
        }
        if (!lead.matches().isEmpty()) {
            data.put("duplicateScore", Integer.toString(lead.matches().get(0).score()));
            data.put("duplicates", Integer.toString(lead.matches().size()));
        }
        return List.of(event(rt, actor, EventTypes.LEAD_OPENED, lead, now, data),
                assignedEvent(rt, actor, lead, null, now));
    }

    private static DomainEvent assignedEvent(Runtime rt, Actor actor, LeadRecord lead, String from, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("owner", lead.ownerId());
        if (from != null) {
            data.put("from", from);
        }
        if (lead.campaignId() != null) {
            data.put("campaign", Long.toString(lead.campaignId()));
        }
        return event(rt, actor, EventTypes.LEAD_ASSIGNED, lead, now, data);
    }

    private static DomainEvent event(Runtime rt, Actor actor, String type, LeadRecord lead, Instant now,
            Map<String, String> data) {
        return rt.event(actor, type, "lead", lead.id(), lead.customerId(), now, data);
    }

    // ---- checks

    private LeadRecord visibleLead(StoreTransaction tx, long id, String what) {
        return tx.store(LeadStore.class).find(id, visibility()).orElseThrow(() -> tx.store(LeadStore.class).exists(id)
                ? new AccessDeniedException(actor.id(), what + " lead " + id)
                : new NotFoundException("lead", id));
    }

    private static void requireOpen(LeadRecord lead, String what) {
        if (lead.status() == LeadStatus.CONVERTED || lead.status() == LeadStatus.DISQUALIFIED) {
            throw new ValidationException("status", "Open", "lead " + lead.id() + " is " + name(lead.status())
                    + " and cannot be " + what);
        }
    }

    private static LeadRecord copy(LeadRecord r, String ownerId, LeadStatus status, String reason,
            List<ContactAttempt> attempts, Long opportunityId, Long customerId, Instant now) {
        return new LeadRecord(r.id(), r.version(), r.campaignId(), customerId, r.prospect(), r.keyword(), r.source(),
                ownerId, status, status == LeadStatus.DISQUALIFIED ? reason : null, attempts, opportunityId,
                r.createdBy(), r.createdAt(), now, r.matches());
    }

    private static String name(LeadStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
