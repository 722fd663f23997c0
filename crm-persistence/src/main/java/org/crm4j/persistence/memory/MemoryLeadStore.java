package org.crm4j.persistence.memory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crm4j.ConflictException;
import org.crm4j.common.NameKeys;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.store.LeadRecord;
import org.crm4j.lead.LeadStatus;
import org.crm4j.lead.MatchKind;
import org.crm4j.lead.MatchReason;
import org.crm4j.lead.Prospect;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.store.DuplicateQuery;
import org.crm4j.store.LeadFunnelRow;
import org.crm4j.store.LeadStore;
import org.crm4j.store.Visibility;
import org.crm4j.store.WonRevenueRow;

/** Leads, in the same transaction; one lead per customer and campaign, as the database's unique rule. */
final class MemoryLeadStore extends MemoryFeatureStore implements LeadStore {
    MemoryLeadStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public LeadRecord insert(LeadRecord lead) {
        checkWritable();
        if (lead.campaignId() != null && lead.customerId() != null
                && !customersWithLead(lead.campaignId(), List.of(lead.customerId())).isEmpty()) {
            throw new ConflictException("the customer has a lead of this campaign already (opened at the"
                    + " same time)");
        }
        LeadRecord stored = lead.withIdentity(newId(), 0);
        put(data.leads, stored.id(), stored);
        return stored;
    }

    @Override
    public List<LeadRecord> insertAll(List<LeadRecord> list) {
        return list.stream().map(this::insert).toList();
    }

    @Override
    public LeadRecord update(LeadRecord lead) {
        LeadRecord stored = replaceVersioned(data.leads, lead.id(), lead.version(), LeadRecord::version,
                "lead " + lead.id(), next -> lead.withIdentity(lead.id(), next));
        return stored;
    }

    @Override
    public Optional<LeadRecord> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.leads.get(id))
                .filter(l -> needToKnow.record(visibility, l.customerId(), l.ownerId()));
    }

    @Override
    public void lock(long id) {
        // write transactions are serialised by the store's lock already
    }

    @Override
    public boolean exists(long id) {
        return data.leads.containsKey(id);
    }

    @Override
    public List<LeadRecord> ofCustomer(long customerId, Visibility visibility) {
        return data.leads.values().stream().filter(l -> l.customerId() != null && l.customerId() == customerId)
                .filter(l -> needToKnow.record(visibility, l.customerId(), l.ownerId())).toList();
    }

    @Override
    public List<LeadRecord> ofCampaign(long campaignId, Visibility visibility, long afterId, int limit) {
        return data.leads.tailMap(afterId, false).values().stream()
                .filter(l -> l.campaignId() != null && l.campaignId() == campaignId)
                .filter(l -> needToKnow.record(visibility, l.customerId(), l.ownerId())).limit(limit).toList();
    }

    @Override
    public List<LeadFunnelRow> funnel(long campaignId, Visibility visibility) {
        Map<LeadFunnelRow, long[]> counts = new HashMap<>();
        for (LeadRecord l : data.leads.values()) {
            if (l.campaignId() != null && l.campaignId() == campaignId
                    && needToKnow.record(visibility, l.customerId(), l.ownerId())) {
                long[] c = counts.computeIfAbsent(new LeadFunnelRow(l.keyword(), l.status(), 0, 0),
                        k -> new long[2]);
                c[0]++;
                c[1] += l.attempts().isEmpty() ? 0 : 1;
            }
        }
        return counts.entrySet().stream().map(e -> new LeadFunnelRow(e.getKey().keyword(),
                e.getKey().status(), e.getValue()[0], e.getValue()[1])).toList();
    }

    @Override
    public List<WonRevenueRow> wonRevenue(long campaignId, Visibility visibility, ZoneId zone) {
        Map<WonRevenueRow, WonRevenueRow> sums = new HashMap<>();
        for (LeadRecord l : data.leads.values()) {
            OpportunityRecord deal = l.opportunityId() == null ? null : data.opportunities.get(l.opportunityId());
            if (l.campaignId() == null || l.campaignId() != campaignId || deal == null
                    || deal.status() != OpportunityStatus.WON
                    || !needToKnow.record(visibility, deal.customerId(), deal.ownerId())) {
                continue;
            }
            String currency = deal.amount() == null ? null : deal.amount().currency().getCurrencyCode();
            BigDecimal amount = deal.amount() == null ? BigDecimal.ZERO : deal.amount().amount();
            WonRevenueRow key = new WonRevenueRow(l.keyword(), currency,
                    LocalDate.ofInstant(deal.stageSince(), zone), 0, BigDecimal.ZERO);
            sums.merge(key, new WonRevenueRow(key.keyword(), currency, key.wonOn(), 1, amount),
                    (a, b) -> new WonRevenueRow(a.keyword(), currency, a.wonOn(), a.deals() + b.deals(),
                            a.amount().add(b.amount())));
        }
        return List.copyOf(sums.values());
    }

    @Override
    public List<DuplicateMatch> duplicates(DuplicateQuery query) {
        List<DuplicateMatch> found = new ArrayList<>();
        for (LeadRecord l : data.leads.values()) {
            Prospect p = l.prospect();
            if (p == null || l.status() == LeadStatus.CONVERTED || l.status() == LeadStatus.DISQUALIFIED) {
                continue;
            }
            EnumSet<MatchReason> reasons = EnumSet.noneOf(MatchReason.class);
            boolean shown = needToKnow.record(query.visibility(), l.customerId(), l.ownerId());
            if (query.taxId() != null && query.taxId().equals(p.taxId())) {
                reasons.add(MatchReason.TAX_ID);
            }
            // a contact channel is a detail: an invisible lead is never matched by it
            if (shown && query.email() != null && p.email() != null && query.email().equals(p.email().normalized())) {
                reasons.add(MatchReason.EMAIL);
            }
            if (shown && query.phone() != null && p.phone() != null && query.phone().equals(p.phone().value())) {
                reasons.add(MatchReason.PHONE);
            }
            String name = p.company() != null ? p.company() : p.personName();
            if (query.nameKey() != null && query.nameKey().equals(NameKeys.normalize(name))) {
                reasons.add(query.nameReason());
            }
            if (!reasons.isEmpty()) {
                found.add(DuplicateMatch.of(MatchKind.LEAD, l.id(), reasons, shown ? name : null,
                        shown ? p.taxId() : null, shown ? p.city() : null, shown ? l.ownerId() : null));
            }
        }
        return found.stream().sorted(MemoryCustomerStore.BEST_FIRST).limit(query.limit()).toList();
    }

    @Override
    public Set<Long> customersWithLead(long campaignId, Collection<Long> customerIds) {
        Set<Long> wanted = new HashSet<>(customerIds);
        Set<Long> found = new HashSet<>();
        for (LeadRecord l : data.leads.values()) {
            if (l.campaignId() != null && l.campaignId() == campaignId && wanted.contains(l.customerId())) {
                found.add(l.customerId());
            }
        }
        return found;
    }

    @Override
    public List<Long> reassignOpen(long customerId, String toOwner) {
        checkWritable();
        List<Long> moved = new java.util.ArrayList<>();
        for (LeadRecord x : List.copyOf(data.leads.values())) {
            if (x.customerId() != null && x.customerId() == customerId && !x.ownerId().equals(toOwner) && java.util.EnumSet.of(org.crm4j.lead.LeadStatus.NEW, org.crm4j.lead.LeadStatus.CONTACTED, org.crm4j.lead.LeadStatus.QUALIFIED).contains(x.status())) {
                put(data.leads, x.id(), x.withOwner(toOwner));
                moved.add(x.id());
            }
        }
        return moved;
    }
}
