package org.crm4j.persistence.memory;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.crm4j.ConflictException;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.NameKeys;
import org.crm4j.customer.ActivitySummary;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.store.OwnerChangeRecord;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.store.LeadRecord;
import org.crm4j.lead.MatchKind;
import org.crm4j.lead.MatchReason;
import org.crm4j.persistence.memory.MemoryData.Outboxed;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.store.CustomerRow;
import org.crm4j.store.CustomerSearch;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.CustomerTimeline;
import org.crm4j.store.DuplicateKeys;
import org.crm4j.store.DuplicateQuery;
import org.crm4j.store.Keyset;
import org.crm4j.store.Visibility;

/** Customers, their external references and owner changes, in the same transaction. */
final class MemoryCustomerStore extends MemoryFeatureStore implements CustomerStore {
    /** Duplicates, the best match first; customers' and leads' alike. */
    static final Comparator<DuplicateMatch> BEST_FIRST =
            Comparator.comparingInt(DuplicateMatch::score).reversed().thenComparingLong(DuplicateMatch::id);

    MemoryCustomerStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public CustomerRecord insert(CustomerRecord customer) {
        checkWritable();
        CustomerRecord stored = customer.withIdentity(newId(), 0);
        claimRefs(stored, null);
        put(data.customers, stored.id(), stored);
        return stored;
    }

    @Override
    public CustomerRecord update(CustomerRecord customer) {
        checkWritable();
        CustomerRecord current = MemoryTx.current(data.customers.get(customer.id()), CustomerRecord::version,
                customer.version(), "customer " + customer.id());
        CustomerRecord stored = customer.withIdentity(customer.id(), customer.version() + 1);
        claimRefs(stored, current);
        put(data.customers, stored.id(), stored);
        return stored;
    }

    private void claimRefs(CustomerRecord customer, CustomerRecord previous) {
        for (ExternalRef ref : customer.externalRefs()) {
            Long holder = data.refs.get(ref);
            if (holder != null && holder != customer.id()) {
                throw new ConflictException("external reference " + ref + " belongs to another customer");
            }
        }
        if (previous != null) {
            for (ExternalRef ref : previous.externalRefs()) {
                if (!customer.externalRefs().contains(ref)) {
                    remove(data.refs, ref);
                }
            }
        }
        for (ExternalRef ref : customer.externalRefs()) {
            if (!data.refs.containsKey(ref)) {
                put(data.refs, ref, customer.id());
            }
        }
    }

    @Override
    public Optional<CustomerRecord> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.customers.get(id)).filter(c -> needToKnow.customerDetails(visibility, c));
    }

    @Override
    public void lock(long id) {
        // write transactions are serialised by the store's lock already
    }

    @Override
    public boolean exists(long id) {
        return data.customers.containsKey(id);
    }

    @Override
    public Optional<Long> idByExternalRef(ExternalRef ref) {
        return Optional.ofNullable(data.refs.get(ref));
    }

    @Override
    public List<CustomerRow> rows(Collection<Long> ids, Visibility visibility) {
        return ids.stream().distinct().map(data.customers::get).filter(Objects::nonNull)
                .filter(c -> needToKnow.customerDetails(visibility, c)).map(MemoryCustomerStore::row).toList();
    }

    private static void reason(Map<Long, EnumSet<MatchReason>> found, long id, MatchReason reason) {
        found.computeIfAbsent(id, k -> EnumSet.noneOf(MatchReason.class)).add(reason);
    }

    @Override
    public List<DuplicateMatch> duplicates(DuplicateQuery query) {
        Map<Long, EnumSet<MatchReason>> found = new TreeMap<>();
        for (CustomerRecord c : data.customers.values()) {
            if (query.taxId() != null && query.taxId().equals(c.taxId())) {
                reason(found, c.id(), MatchReason.TAX_ID);
            }
            if (query.nameKey() != null && query.nameKey().equals(NameKeys.normalize(c.name()))) {
                reason(found, c.id(), query.nameReason());
            }
        }
        for (ContactRecord contact : data.contacts.values()) {
            CustomerRecord c = data.customers.get(contact.customerId());
            if (!needToKnow.customerDetails(query.visibility(), c)) {
                continue;
            }
            for (ContactChannel channel : contact.channels()) {
                if (channel.type() == ChannelType.EMAIL && query.email() != null
                        && query.email().equals(channel.value().toLowerCase(Locale.ROOT))) {
                    reason(found, c.id(), MatchReason.EMAIL);
                } else if (channel.type() == ChannelType.PHONE && channel.value().equals(query.phone())) {
                    reason(found, c.id(), MatchReason.PHONE);
                }
            }
        }
        return found.entrySet().stream().map(e -> {
            CustomerRecord c = data.customers.get(e.getKey());
            return DuplicateMatch.of(MatchKind.CUSTOMER, c.id(), e.getValue(), c.name(), c.taxId(), c.city(),
                    c.ownerId());
        }).sorted(BEST_FIRST).limit(query.limit()).toList();
    }

    @Override
    public Map<ExternalRef, Long> holdersOf(Collection<ExternalRef> wanted) {
        Map<ExternalRef, Long> out = new HashMap<>();
        for (ExternalRef ref : wanted) {
            Long holder = data.refs.get(ref);
            if (holder != null) {
                out.put(ref, holder);
            }
        }
        return out;
    }

    @Override
    public List<CustomerRecord> findAll(Collection<Long> ids, Visibility visibility) {
        return ids.stream().distinct().map(data.customers::get).filter(Objects::nonNull)
                .filter(c -> needToKnow.customerDetails(visibility, c)).toList();
    }

    @Override
    public List<CustomerRecord> insertAll(List<CustomerRecord> list) {
        return list.stream().map(this::insert).toList();
    }

    /** One pass over the customers and one over the contacts, as the SQL store's one statement. */
    @Override
    public DuplicateKeys presentKeys(DuplicateKeys keys) {
        Set<String> taxIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (CustomerRecord c : data.customers.values()) {
            if (c.taxId() != null && keys.taxIds().contains(c.taxId())) {
                taxIds.add(c.taxId());
            }
            String name = NameKeys.normalize(c.name());
            if (name != null && keys.nameKeys().contains(name)) {
                names.add(name);
            }
        }
        if (!keys.emails().isEmpty() || !keys.phones().isEmpty()) {
            for (ContactRecord contact : data.contacts.values()) {
                if (!needToKnow.customerDetails(keys.visibility(), data.customers.get(contact.customerId()))) {
                    continue;
                }
                for (ContactChannel channel : contact.channels()) {
                    String email = channel.value().toLowerCase(Locale.ROOT);
                    if (channel.type() == ChannelType.EMAIL && keys.emails().contains(email)) {
                        emails.add(email);
                    } else if (channel.type() == ChannelType.PHONE && keys.phones().contains(channel.value())) {
                        phones.add(channel.value());
                    }
                }
            }
        }
        return new DuplicateKeys(taxIds, names, emails, phones, keys.visibility());
    }

    @Override
    public List<CustomerRow> search(CustomerSearch search) {
        Comparator<CustomerRecord> order = order(search.sort());
        Keyset after = search.after();
        if (after != null && after.byRow()) {
            // the previous page's last row gives the sort value; when it is gone, so is the page
            CustomerRecord last = data.customers.get(after.id());
            if (last == null) {
                return List.of();
            }
            after = new Keyset(search.sort().byName() ? last.nameKey() : last.createdAt(), last.id());
        }
        Keyset from = after;
        return data.customers.values().stream()
                .filter(c -> search.includeArchived() || c.status() == CustomerStatus.ACTIVE)
                // a search finds and flags by the owner's line; a customer shared through open work is opened by id
                .filter(c -> needToKnow.customerLine(search.visibility(), c.id()))
                .filter(c -> CriteriaEvaluator.matches(search.where(), c))
                .filter(c -> from == null || isAfter(c, from, search.sort()))
                .sorted(order)
                .limit(search.limit())
                .map(c -> new CustomerRow(c.id(), c.name(), c.taxId(), c.city(), c.ownerId(), c.status(),
                        c.createdAt(), needToKnow.customerLine(search.viewer(), c.id())))
                .toList();
    }

    private static CustomerRow row(CustomerRecord c) {
        return new CustomerRow(c.id(), c.name(), c.taxId(), c.city(), c.ownerId(), c.status(), c.createdAt(), true);
    }

    private Comparator<CustomerRecord> order(CustomerSort sort) {
        Comparator<CustomerRecord> asc = sort.byName()
                ? Comparator.comparing((CustomerRecord c) -> c.nameKey()).thenComparingLong(CustomerRecord::id)
                : Comparator.comparing(CustomerRecord::createdAt).thenComparingLong(CustomerRecord::id);

        return sort.descending() ? asc.reversed() : asc;
    }

    private boolean isAfter(CustomerRecord c, Keyset after, CustomerSort sort) {
        int cmp = sort.byName() ? c.nameKey().compareTo((String) after.sortValue())
                : c.createdAt().compareTo((Instant) after.sortValue());
        if (cmp == 0) {
            cmp = Long.compare(c.id(), after.id());
        }
        return sort.descending() ? cmp < 0 : cmp > 0;
    }

    @Override
    public void recordOwnerChange(OwnerChangeRecord change) {
        tx.add(data.ownerChanges, change);
    }

    @Override
    public List<OwnerChangeRecord> ownerChanges(long customerId) {
        return data.ownerChanges.stream().filter(c -> c.customerId() == customerId).toList();
    }

    @Override
    public CustomerTimeline timeline(long customerId, int noteLimit, int eventLimit, int activityLimit,
            int documentLimit, Visibility visibility) {
        return new CustomerTimeline(tx.notes().latest(customerId, noteLimit),
                data.events.descendingMap().values().stream()
                        .map(Outboxed::event)
                        .filter(e -> e.customerId() != null && e.customerId() == customerId)
                        .filter(e -> dealVisible(e.opportunityId(), customerId, visibility)
                                && leadVisible(e.leadId(), customerId, visibility)
                                && activityVisible(e.activityId(), customerId, visibility)
                                && salesVisible(e, visibility))
                        .limit(eventLimit).toList(),
                tx.activities().ofCustomer(customerId, visibility, null, activityLimit).stream()
                        .map(a -> new ActivitySummary(a.id(), a.type().name(),
                                a.direction() == null ? null : a.direction().name(),
                                a.status() == ActivityStatus.DONE, a.ownerId(), a.startsAt(), a.endsAt(),
                                a.outcome(), a.opportunityId(), a.leadId()))
                        .toList(),
                data.keptDocuments.values().stream().filter(d -> d.customerId().value() == customerId)
                        .filter(d -> needToKnow.record(visibility, customerId, d.ownerId()))
                        .sorted(MemoryCustomerDocumentStore.LATEST_FIRST).limit(documentLimit).toList());
    }

    /**
     * Whether an event about a service, sales document, payment or kept document (if it is one) may be
     * shown: its customer's owner or its salesperson (a payment's: its invoice's; a kept document's:
     * its owner) is covered.
     */
    private boolean salesVisible(org.crm4j.event.DomainEvent e, Visibility visibility) {
        String salesperson;
        switch (e.aggregateType()) {
            case "service" -> {
                var s = data.services.get(e.aggregateId());
                salesperson = s == null ? null : s.salespersonId();
            }
            case "sales-document" -> {
                var d = data.documents.get(e.aggregateId());
                salesperson = d == null ? null : d.salespersonId();
            }
            case "payment" -> {
                var p = data.payments.get(e.aggregateId());
                var d = p == null || p.invoiceId() == null ? null : data.documents.get(p.invoiceId());
                salesperson = d == null ? null : d.salespersonId();
            }
            case "document" -> {
                var d = data.keptDocuments.get(e.aggregateId());
                salesperson = d == null ? null : d.ownerId();
            }
            default -> {
                return true;
            }
        }
        return needToKnow.record(visibility, e.customerId(), salesperson);
    }

    /**
     * Whether an event about that activity (if any) may be shown: the activity is the
     * customer's and its owner visible.
     */
    private boolean activityVisible(OptionalLong activityId, long customerId, Visibility visibility) {
        if (activityId.isEmpty()) {
            return true;
        }
        ActivityRecord activity = data.activities.get(activityId.getAsLong());
        return activity != null && activity.customerId() == customerId
                && needToKnow.record(visibility, activity.customerId(), activity.ownerId());
    }

    /** Whether an event about that lead (if any) may be shown: the lead is the customer's and its owner visible. */
    private boolean leadVisible(OptionalLong leadId, long customerId, Visibility visibility) {
        if (leadId.isEmpty()) {
            return true;
        }
        LeadRecord lead = data.leads.get(leadId.getAsLong());
        return lead != null && lead.customerId() != null && lead.customerId() == customerId
                && needToKnow.record(visibility, lead.customerId(), lead.ownerId());
    }

    /** Whether an event about that deal (if any) may be shown: the deal is the customer's and its owner visible. */
    private boolean dealVisible(OptionalLong dealId, long customerId, Visibility visibility) {
        if (dealId.isEmpty()) {
            return true;
        }
        OpportunityRecord deal = data.opportunities.get(dealId.getAsLong());
        return deal != null && deal.customerId() == customerId
                && needToKnow.record(visibility, deal.customerId(), deal.ownerId());
    }
}
