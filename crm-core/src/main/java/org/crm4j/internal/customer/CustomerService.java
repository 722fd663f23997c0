package org.crm4j.internal.customer;

import org.crm4j.store.OpportunityStore;
import org.crm4j.store.NoticeStore;
import org.crm4j.store.NoteStore;
import org.crm4j.store.LeadStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.ContactStore;
import org.crm4j.store.ActivityStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Page;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.Criterion;
import org.crm4j.customer.Customer;
import org.crm4j.customer.ActivitySummary;
import org.crm4j.customer.CustomerCard;
import org.crm4j.customer.CustomerField;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerQuery;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.internal.sales.SalesService;
import org.crm4j.sales.store.CustomerSales;
import org.crm4j.sales.store.SalesStore;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.CustomerSummary;
import org.crm4j.customer.Customers;
import org.crm4j.customer.NewContact;
import org.crm4j.customer.NewCustomer;
import org.crm4j.customer.Note;
import org.crm4j.customer.NoteId;
import org.crm4j.customer.store.NoteRecord;
import org.crm4j.customer.OpportunitySummary;
import org.crm4j.customer.OwnerChange;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.store.CustomerRow;
import org.crm4j.store.CustomerSearch;
import org.crm4j.store.CustomerTimeline;
import org.crm4j.store.Keyset;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.PageTokens;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;

/** {@link Customers} for one actor. */
public final class CustomerService implements Customers {
    /** How many notes the customer card shows. */
    public static final int CARD_NOTES = 20;
    /** How many history entries the customer card shows. */
    public static final int CARD_HISTORY = 50;
    private static final int MAX_NOTE = 10_000;

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public CustomerService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public Customer create(NewCustomer customer) {
        Assert.notNull(customer, "customer");
        var now = rt.now();
        CustomerRecord draft = customer.toRecord(actor.id(), now);
        List<Violation> violations = violationsOf(rt, draft);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (!visibility().covers(draft.ownerId())) {
            throw new AccessDeniedException(actor.id(), "create customers owned by '" + draft.ownerId() + "'");
        }
        CustomerRecord saved = rt.store().inTransaction(tx -> {
            checkRefsFree(tx, draft.externalRefs(), 0);
            CustomerRecord inserted = tx.store(CustomerStore.class).insert(draft);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.CUSTOMER_CREATED, "customer", inserted.id(),
                    inserted.id(), now, Map.of("name", inserted.name(), "owner", inserted.ownerId()))));
            return inserted;
        });
        return Customer.fromRecord(saved);
    }

    @Override
    public Customer get(CustomerId id) {
        Assert.notNull(id, "id");
        return Customer.fromRecord(rt.store().readOnly(tx -> openable(tx, id.value(), "open")));
    }

    @Override
    public Optional<Customer> findByExternalRef(ExternalRef ref) {
        Assert.notNull(ref, "ref");
        return rt.store().readOnly(tx -> tx.store(CustomerStore.class).idByExternalRef(ref)
                .map(id -> Customer.fromRecord(openable(tx, id, "open"))));
    }

    @Override
    public Customer save(Customer customer) {
        Assert.notNull(customer, "customer");
        if (customer.id() == null) {
            throw new ValidationException("customer.id", "NotNull", "a customer is saved after it was created");
        }
        CustomerRecord changed = customer.toRecord();
        List<Violation> more = new ArrayList<>();
        rt.access().unknownOwner(changed.ownerId()).ifPresent(more::add);
        rt.validation().check(customer, more);
        var now = rt.now();
        CustomerRecord saved = rt.store().inTransaction(tx -> {
            CustomerRecord stored = changeable(tx, changed.id(), "change");
            if (stored.version() != changed.version()) {
                throw stale("customer", changed.id(), changed.version(), stored.version());
            }
            List<String> fields = changedFields(stored, changed);
            boolean ownerChanged = !stored.ownerId().equals(changed.ownerId());
            boolean statusChanged = stored.status() != changed.status();
            if (fields.isEmpty() && !ownerChanged && !statusChanged) {
                return stored;
            }
            if (ownerChanged && !visibility().covers(changed.ownerId())) {
                throw new AccessDeniedException(actor.id(), "hand customer " + changed.id() + " to '" + changed.ownerId()
                        + "' (only to themselves or someone reporting to them)");
            }
            Set<ExternalRef> added = new HashSet<>(changed.externalRefs());
            added.removeAll(stored.externalRefs());
            checkRefsFree(tx, added, changed.id());
            CustomerRecord toWrite = new CustomerRecord(changed.id(), changed.version(), stored.kind(), changed.name(),
                    changed.taxId(), changed.industry(), changed.tags(), changed.rating(), changed.categories(),
                    changed.status(), changed.ownerId(), changed.address(), changed.externalRefs(), stored.createdAt(),
                    now);
            CustomerRecord updated = tx.store(CustomerStore.class).update(toWrite);
            List<DomainEvent> events = new ArrayList<>();
            long id = updated.id();
            if (!fields.isEmpty()) {
                events.add(rt.event(actor, EventTypes.CUSTOMER_UPDATED, "customer", id, id, now,
                        Map.of("fields", String.join(",", fields))));
            }
            if (statusChanged) {
                events.add(rt.event(actor, changed.status() == CustomerStatus.ARCHIVED ? EventTypes.CUSTOMER_ARCHIVED
                        : EventTypes.CUSTOMER_REACTIVATED, "customer", id, id, now, Map.of()));
            }
            if (ownerChanged) {
                tx.store(CustomerStore.class).recordOwnerChange(new org.crm4j.customer.store.OwnerChangeRecord(id, stored.ownerId(),
                        changed.ownerId(), actor.id(), now));
                Map<String, String> data = new java.util.LinkedHashMap<>();
                data.put("from", stored.ownerId());
                data.put("to", changed.ownerId());
                if (customer.handOver() == org.crm4j.customer.HandOver.MOVE_OPEN_RECORDS) {
                    data.putAll(moveOpenRecords(tx, id, stored.ownerId(), changed.ownerId()));
                }
                events.add(rt.event(actor, EventTypes.CUSTOMER_OWNER_CHANGED, "customer", id, id, now, data));
            }
            tx.store(EventStore.class).append(events);
            return updated;
        });
        return Customer.fromRecord(saved);
    }

    @Override
    public Page<CustomerSummary> search(CustomerQuery query) {
        Assert.notNull(query, "query");
        List<Violation> violations = new ArrayList<>(StoredValues.violations(query));
        if (query.pageSize() < 1 || query.pageSize() > 500) {
            violations.add(new Violation("pageSize", "Range", "must be 1 to 500, was " + query.pageSize()));
        }
        if (query.sort() == null) {
            violations.add(new Violation("sort", "NotNull", "must not be null"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        CustomerSort sort = query.sort();
        Keyset after = query.pageToken() == null ? null : PageTokens.decode(sort, query.pageToken());
        Visibility mine = visibility();
        boolean restrict = query.onlyOpenable() || (query.where() != null && !query.where().basicOnly());
        boolean includeArchived = query.includeArchived() || mentionsStatus(query.where());
        // whether the actor may open each row (they cover its owner) comes with the row, from the same
        // query; a customer shared with them through open work is opened by id, not flagged here
        // a token by creation names the last row's id only; the store reads its creation time in the search itself
        List<CustomerRow> rows = rt.store().readOnly(tx -> tx.store(CustomerStore.class).search(new CustomerSearch(
                query.where(), includeArchived, restrict ? mine : Visibility.everything(), sort, after,
                query.pageSize() + 1, mine)));
        boolean more = rows.size() > query.pageSize();
        List<CustomerRow> page = more ? rows.subList(0, query.pageSize()) : rows;
        List<CustomerSummary> items = page.stream().map(r -> new CustomerSummary(CustomerId.of(r.id()), r.name(),
                r.taxId(), r.city(), r.ownerId(), r.status(), r.openable())).toList();
        String next = null;
        if (more) {
            CustomerRow last = page.get(page.size() - 1);
            next = PageTokens.encode(sort, CustomerRecord.nameKey(last.name()), last.id());
        }
        return new Page<>(items, next);
    }

    /**
     * Five statements where the store speaks SQL, whatever the customer's history: the customer,
     * its contacts, its timeline (notes, history and activities together), its deals and its
     * business (running services and the sales summary together), the last three with need-to-know
     * applied to each record's own owner or salesperson.
     */
    @Override
    public CustomerCard card(CustomerId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> {
            Visibility mine = visibility();
            CustomerRecord customer = openableCustomer(tx, mine, actor, id.value(), "open");
            List<ContactPerson> contacts = tx.store(ContactStore.class).ofCustomer(id.value()).stream()
                    .map(ContactPerson::fromRecord).toList();
            CustomerTimeline timeline = tx.store(CustomerStore.class).timeline(id.value(), CARD_NOTES, CARD_HISTORY,
                    CustomerCard.ACTIVITIES + 1, CustomerCard.DOCUMENTS, mine);
            List<Note> notes = timeline.notes().stream().map(CustomerService::toNote).toList();
            List<OpportunitySummary> deals = tx.store(OpportunityStore.class).summariesOfCustomer(id.value(), mine);
            LocalDate today = LocalDate.now(rt.clock());
            CustomerSales sales = tx.store(SalesStore.class).ofCustomer(id.value(), today,
                    SalesService.summaryFrom(today), mine);
            List<ActivitySummary> activities = timeline.activities();
            String next = null;
            if (activities.size() > CustomerCard.ACTIVITIES) {
                activities = activities.subList(0, CustomerCard.ACTIVITIES);
                ActivitySummary last = activities.get(activities.size() - 1);
                next = PageTokens.encodeActivities(new Keyset(last.startsAt(), last.id()));
            }
            return new CustomerCard(Customer.fromRecord(customer), contacts, notes, timeline.events(), deals,
                    activities, next, sales.services(), sales.summary(), timeline.documents());
        });
    }

    @Override
    public ContactPerson addContact(CustomerId customerId, NewContact contact) {
        Assert.notNull(customerId, "customerId");
        Assert.notNull(contact, "contact");
        var now = rt.now();
        ContactRecord draft = contact.toRecord(customerId.value(), now);
        rt.validation().check(ContactPerson.fromRecord(draft), List.of());
        ContactRecord saved = rt.store().inTransaction(tx -> {
            changeable(tx, customerId.value(), "change");
            if (draft.primary()) {
                tx.store(CustomerStore.class).lock(customerId.value());
            }
            ContactRecord inserted = tx.store(ContactStore.class).insert(draft);
            List<DomainEvent> events = new ArrayList<>();
            events.add(rt.event(actor, EventTypes.CONTACT_ADDED, "contact", inserted.id(), customerId.value(), now,
                    Map.of("name", inserted.name())));
            if (inserted.primary()) {
                demoteOtherPrimaries(tx, inserted, now, events);
            }
            tx.store(EventStore.class).append(events);
            return inserted;
        });
        return ContactPerson.fromRecord(saved);
    }

    @Override
    public ContactPerson getContact(ContactId id) {
        Assert.notNull(id, "id");
        return ContactPerson.fromRecord(rt.store().readOnly(tx -> openableContact(tx, id.value(), "open")));
    }

    @Override
    public ContactPerson saveContact(ContactPerson contact) {
        Assert.notNull(contact, "contact");
        if (contact.id() == null) {
            throw new ValidationException("contact.id", "NotNull", "a contact is saved after it was added");
        }
        rt.validation().check(contact, List.of());
        ContactRecord changed = contact.toRecord();
        var now = rt.now();
        ContactRecord saved = rt.store().inTransaction(tx -> {
            ContactRecord stored = changeableContact(tx, changed.id());
            if (changed.primary() && !stored.primary()) {
                tx.store(CustomerStore.class).lock(stored.customerId());
            }
            if (stored.customerId() != changed.customerId()) {
                throw new ValidationException("contact.customerId", "Unchanged", "a contact cannot move to another customer");
            }
            if (stored.version() != changed.version()) {
                throw stale("contact", changed.id(), changed.version(), stored.version());
            }
            List<String> fields = new ArrayList<>();
            compare(fields, "name", stored.name(), changed.name());
            compare(fields, "jobTitle", stored.jobTitle(), changed.jobTitle());
            compare(fields, "roles", stored.roles(), changed.roles());
            compare(fields, "channels", stored.channels(), changed.channels());
            compare(fields, "primary", stored.primary(), changed.primary());
            if (fields.isEmpty()) {
                return stored;
            }
            ContactRecord updated = tx.store(ContactStore.class).update(new ContactRecord(changed.id(), changed.version(),
                    stored.customerId(), changed.name(), changed.jobTitle(), changed.roles(), changed.channels(),
                    changed.primary(), stored.createdAt(), now));
            List<DomainEvent> events = new ArrayList<>();
            events.add(rt.event(actor, EventTypes.CONTACT_UPDATED, "contact", updated.id(), updated.customerId(), now,
                    Map.of("fields", String.join(",", fields))));
            if (updated.primary() && !stored.primary()) {
                demoteOtherPrimaries(tx, updated, now, events);
            }
            tx.store(EventStore.class).append(events);
            return updated;
        });
        return ContactPerson.fromRecord(saved);
    }

    @Override
    public List<ContactPerson> contacts(CustomerId customerId) {
        Assert.notNull(customerId, "customerId");
        return rt.store().readOnly(tx -> {
            openable(tx, customerId.value(), "open");
            return tx.store(ContactStore.class).ofCustomer(customerId.value()).stream().map(ContactPerson::fromRecord).toList();
        });
    }

    @Override
    public Note addNote(CustomerId customerId, String text) {
        Assert.notNull(customerId, "customerId");
        String clean = checkedNote(text);
        var now = rt.now();
        return toNote(rt.store().inTransaction(tx -> addNoteWithin(tx, customerId.value(), clean, now)));
    }

    /**
     * @param text a note's text
     * @return it stripped
     * @throws ValidationException when it is blank, too long or not storable
     */
    public static String checkedNote(String text) {
        String clean = text == null ? null : text.strip();
        if (clean == null || clean.isEmpty()) {
            throw new ValidationException("text", "NotBlank", "must not be blank");
        }
        if (clean.length() > MAX_NOTE) {
            throw new ValidationException("text", "Size", "must have at most " + MAX_NOTE + " characters");
        }
        if (StoredValues.broken(clean)) {
            throw new ValidationException(List.of(StoredValues.violation("text")));
        }
        return clean;
    }

    /**
     * {@link #addNote} inside a transaction of the caller's, for work that must commit with it.
     *
     * @param tx the transaction
     * @param customerId the customer
     * @param text the note, checked and stripped
     * @param now the time of the work
     * @return the note as stored
     */
    public NoteRecord addNoteWithin(StoreTransaction tx, long customerId, String text, Instant now) {
        changeable(tx, customerId, "add notes to");
        NoteRecord inserted = tx.store(NoteStore.class).insert(new NoteRecord(0, customerId, actor.id(), text, now));
        tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.NOTE_ADDED, "note", inserted.id(),
                customerId, now, Map.of("note", Assert.abbreviate(text, 200)))));
        return inserted;
    }

    @Override
    public List<Note> notes(CustomerId customerId, int limit) {
        Assert.notNull(customerId, "customerId");
        if (limit < 1 || limit > 500) {
            throw new ValidationException("limit", "Range", "must be 1 to 500, was " + limit);
        }
        return rt.store().readOnly(tx -> {
            openable(tx, customerId.value(), "open");
            return tx.store(NoteStore.class).latest(customerId.value(), limit).stream().map(CustomerService::toNote).toList();
        });
    }

    @Override
    public List<OwnerChange> ownerHistory(CustomerId customerId) {
        Assert.notNull(customerId, "customerId");
        return rt.store().readOnly(tx -> {
            openable(tx, customerId.value(), "open");
            return tx.store(CustomerStore.class).ownerChanges(customerId.value()).stream()
                    .map(c -> new OwnerChange(CustomerId.of(c.customerId()), c.fromOwnerId(), c.toOwnerId(),
                            c.changedBy(), c.changedAt()))
                    .toList();
        });
    }

    @Override
    public org.crm4j.customer.CompetitorContract addCompetitorContract(CustomerId customerId,
            org.crm4j.customer.NewCompetitorContract contract) {
        return new CompetitorContracts(rt, actor).add(customerId, contract);
    }

    @Override
    public List<org.crm4j.customer.CompetitorContract> competitorContracts(CustomerId customerId) {
        return new CompetitorContracts(rt, actor).of(customerId);
    }

    @Override
    public void removeCompetitorContract(org.crm4j.customer.CompetitorContractId id) {
        new CompetitorContracts(rt, actor).remove(id);
    }

    /**
     * The rules a customer's state must keep, as {@link #create} checks them: every Bean Validation
     * rule of {@link Customer}, and an owner the directory knows. The bulk import checks its rows
     * with the same.
     *
     * @param rt the runtime
     * @param customer the state to check
     * @return every broken rule, none when it is fine
     */
    public static List<Violation> violationsOf(Runtime rt, CustomerRecord customer) {
        List<Violation> all = new ArrayList<>(rt.validation().violations(Customer.fromRecord(customer)));
        rt.access().unknownOwner(customer.ownerId()).ifPresent(all::add);
        return all;
    }

    /**
     * The rules a contact's state must keep, as {@link #addContact} checks them.
     *
     * @param rt the runtime
     * @param contact the state to check
     * @return every broken rule, none when it is fine
     */
    public static List<Violation> violationsOf(Runtime rt, ContactRecord contact) {
        return rt.validation().violations(ContactPerson.fromRecord(contact));
    }

    /**
     * A hand-over's default (R28): the customer's open deals, open leads and planned activities go
     * to the new owner, and the notices about it leave the former owner's inbox for the new owner's.
     *
     * @return what moved, for the owner-changed event: the ids of each kind, comma-separated
     */
    public static Map<String, String> moveOpenRecords(StoreTransaction tx, long customerId, String from, String to) {
        Map<String, String> moved = new java.util.LinkedHashMap<>();
        putIds(moved, "movedOpportunities", tx.store(OpportunityStore.class).reassignOpen(customerId, to));
        putIds(moved, "movedLeads", tx.store(LeadStore.class).reassignOpen(customerId, to));
        putIds(moved, "movedActivities", tx.store(ActivityStore.class).reassignPlanned(customerId, to));
        int notices = tx.store(NoticeStore.class).readdress(customerId, from, to);
        if (notices > 0) {
            moved.put("movedNotices", String.valueOf(notices));
        }
        return moved;
    }

    private static void putIds(Map<String, String> data, String key, List<Long> ids) {
        if (!ids.isEmpty()) {
            data.put(key, ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
        }
    }

    /** Reads a customer the actor may open, with need-to-know applied in the query itself. */
    private CustomerRecord openable(StoreTransaction tx, long id, String what) {
        return openableCustomer(tx, visibility(), actor, id, what);
    }

    /** Reads a customer the actor may change: they cover its owner (R28), beyond opening it. */
    private CustomerRecord changeable(StoreTransaction tx, long id, String what) {
        return changeableCustomer(tx, visibility(), actor, id, what);
    }

    /**
     * Reads a customer an actor may change: whoever may open it (its owner's line, or the owner of
     * an open record on it, read-only) and covers its owner, as only the owner's line and
     * administrators change a customer, its contacts and its notes.
     *
     * @param tx the transaction
     * @param visibility the actor's visibility
     * @param actor who acts
     * @param id the customer
     * @param what what the actor tries, for the refusal, e.g. {@code change}
     * @return the customer
     * @throws AccessDeniedException when it exists but the actor may not change it
     * @throws NotFoundException when there is none
     */
    public static CustomerRecord changeableCustomer(StoreTransaction tx, Visibility visibility, Actor actor, long id,
            String what) {
        CustomerRecord customer = openableCustomer(tx, visibility, actor, id, what);
        if (!visibility.covers(customer.ownerId())) {
            throw new AccessDeniedException(actor.id(), what + " customer " + id
                    + " (it may be read through an open deal, lead or activity, but changed only by its owner's line)");
        }
        return customer;
    }

    /**
     * Reads a customer an actor may open (R28: they cover its owner, or the owner of an open deal,
     * lead or planned activity on it), with need-to-know applied in the query itself; only when it
     * is not found is it told apart whether it exists at all (that a customer exists is no secret:
     * its basic fields are findable by everyone).
     *
     * @param tx the transaction
     * @param visibility the actor's visibility
     * @param actor who acts
     * @param id the customer
     * @param what what the actor tries, for the refusal, e.g. {@code open}
     * @return the customer
     * @throws AccessDeniedException when it exists but the actor may not open it
     * @throws NotFoundException when there is none
     */
    public static CustomerRecord openableCustomer(StoreTransaction tx, Visibility visibility, Actor actor, long id,
            String what) {
        return tx.store(CustomerStore.class).find(id, visibility).orElseThrow(() -> tx.store(CustomerStore.class).exists(id)
                ? new AccessDeniedException(actor.id(), what + " customer " + id)
                : new NotFoundException("customer", id));
    }

    /**
     * Tells a taken external reference by name before writing. The store's unique constraint
     * still decides a race between two writers. The holder is named only to whoever may open it:
     * which customer holds a reference is one of its details (R28).
     */
    private void checkRefsFree(StoreTransaction tx, Set<ExternalRef> refs, long self) {
        for (ExternalRef ref : refs) {
            tx.store(CustomerStore.class).idByExternalRef(ref).filter(holder -> holder != self).ifPresent(holder -> {
                boolean named = tx.store(CustomerStore.class).find(holder, visibility()).isPresent();
                throw new ConflictException("external reference " + ref + " belongs to "
                        + (named ? "customer " + holder : "another customer"));
            });
        }
    }

    private ContactRecord openableContact(StoreTransaction tx, long id, String what) {
        ContactRecord contact = tx.store(ContactStore.class).find(id).orElseThrow(() -> new NotFoundException("contact", id));
        if (tx.store(CustomerStore.class).find(contact.customerId(), visibility()).isEmpty()) {
            throw new AccessDeniedException(actor.id(), what + " contact " + id);
        }
        return contact;
    }

    /** Reads a contact whose customer the actor may change (its owner's line), in one read of each. */
    private ContactRecord changeableContact(StoreTransaction tx, long id) {
        ContactRecord contact = tx.store(ContactStore.class).find(id).orElseThrow(() -> new NotFoundException("contact", id));
        changeable(tx, contact.customerId(), "change");
        return contact;
    }

    private void demoteOtherPrimaries(StoreTransaction tx, ContactRecord primary, Instant now,
            List<DomainEvent> events) {
        for (ContactRecord other : tx.store(ContactStore.class).ofCustomer(primary.customerId())) {
            if (other.id() != primary.id() && other.primary()) {
                ContactRecord demoted = tx.store(ContactStore.class).update(new ContactRecord(other.id(), other.version(),
                        other.customerId(), other.name(), other.jobTitle(), other.roles(), other.channels(), false,
                        other.createdAt(), now));
                events.add(rt.event(actor, EventTypes.CONTACT_UPDATED, "contact", demoted.id(), demoted.customerId(),
                        now, Map.of("fields", "primary")));
            }
        }
    }

    /** A criterion on the status decides itself which statuses match. */
    private static boolean mentionsStatus(Criterion c) {
        if (c == null) {
            return false;
        }
        if (c instanceof Criterion.Compare cmp) {
            return cmp.field() == CustomerField.STATUS;
        }
        if (c instanceof Criterion.In in) {
            return in.field() == CustomerField.STATUS;
        }
        if (c instanceof Criterion.And and) {
            return and.parts().stream().anyMatch(CustomerService::mentionsStatus);
        }
        if (c instanceof Criterion.Or or) {
            return or.parts().stream().anyMatch(CustomerService::mentionsStatus);
        }
        if (c instanceof Criterion.Not not) {
            return mentionsStatus(not.part());
        }
        return false;
    }

    private static ConflictException stale(String kind, long id, long read, long stored) {
        return new ConflictException(kind + " " + id + " was changed by someone else (read at version " + read
                + ", now at " + stored + "); reload it and apply the change again");
    }

    public static List<String> changedFields(CustomerRecord a, CustomerRecord b) {
        List<String> fields = new ArrayList<>();
        compare(fields, "name", a.name(), b.name());
        compare(fields, "taxId", a.taxId(), b.taxId());
        compare(fields, "industry", a.industry(), b.industry());
        compare(fields, "tags", a.tags(), b.tags());
        compare(fields, "rating", a.rating(), b.rating());
        compare(fields, "categories", a.categories(), b.categories());
        compare(fields, "address", a.address(), b.address());
        compare(fields, "externalRefs", a.externalRefs(), b.externalRefs());
        return fields;
    }

    public static void compare(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }

    public static Note toNote(NoteRecord r) {
        return new Note(NoteId.of(r.id()), CustomerId.of(r.customerId()), r.authorId(), r.text(), r.createdAt());
    }

}
