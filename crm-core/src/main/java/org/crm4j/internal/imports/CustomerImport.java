package org.crm4j.internal.imports;

import org.crm4j.store.EventStore;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.ContactStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.crm4j.ConflictException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.common.Address;
import org.crm4j.common.EmailAddress;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.NameKeys;
import org.crm4j.common.Countries;
import org.crm4j.common.TaxIds;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.Classification;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.ContactPerson;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.CustomerKind;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.customer.store.OwnerChangeRecord;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.imports.ImportContact;
import org.crm4j.imports.ImportOptions;
import org.crm4j.imports.ImportReport;
import org.crm4j.imports.ImportWarning;
import org.crm4j.imports.ImportRow;
import org.crm4j.imports.LikelyDuplicate;
import org.crm4j.imports.RejectedRow;
import org.crm4j.lead.DuplicateMatch;
import org.crm4j.lead.MatchReason;
import org.crm4j.store.DuplicateKeys;
import org.crm4j.store.DuplicateQuery;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.customer.CustomerService;

/**
 * One bulk import of customers: reads the rows one batch at a time, checks each row on its own
 * (so that a bad row is reported and the others go in), and upserts the batch in one transaction:
 * one read of the batch's external references, one of the customers holding them (with
 * need-to-know in the query), one of their contacts, one of the duplicate keys of the new rows,
 * then batched inserts, the updates of what changed, and the events. It never holds more than one
 * batch of rows; the report keeps counts and a bounded number of details.
 */
final class CustomerImport {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerImport.class);
    /** How many customers a likely duplicate lists at most. */
    private static final int MAX_MATCHES = 5;

    private final Runtime rt;
    private final Actor actor;
    private final ImportOptions options;
    /** The first values taken in altered or left out, at most {@link ImportOptions#maxDetails}. */
    private final List<ImportWarning> warnings = new ArrayList<>();
    private final Visibility mine;
    private long rows;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private long skipped;
    private long duplicates;
    private final List<RejectedRow> rejections = new ArrayList<>();
    private final List<LikelyDuplicate> likelyDuplicates = new ArrayList<>();

    CustomerImport(Runtime rt, Actor actor, ImportOptions options) {
        this.rt = rt;
        this.actor = actor;
        this.options = options;
        this.mine = rt.access().visibilityOf(actor);
    }

    ImportReport run(Iterator<ImportRow> source) {
        List<Candidate> batch = new ArrayList<>(options.batchSize());
        List<RejectedRow> early = new ArrayList<>();
        long position = 0;
        while (source.hasNext()) {
            ImportRow row = source.next();
            position++;
            long line = row != null && row.lineNumber() > 0 ? row.lineNumber() : position;
            Object parsed = parse(row, line);
            if (parsed instanceof RejectedRow r) {
                early.add(r);
            } else {
                batch.add((Candidate) parsed);
            }
            if (batch.size() + early.size() == options.batchSize()) {
                batch(batch, early);
                batch = new ArrayList<>(options.batchSize());
                early = new ArrayList<>();
            }
        }
        if (!batch.isEmpty() || !early.isEmpty()) {
            batch(batch, early);
        }
        LOG.debug("CRM-IMPORT-001 Import by {}{}: {} rows, {} created, {} updated, {} unchanged, {} rejected,"
                + " {} skipped as likely duplicates", actor.id(), options.isDryRun() ? " (dry run)" : "", rows, created,
                updated, unchanged, rejected, skipped);
        return report();
    }

    private ImportReport report() {
        return new ImportReport(options.isDryRun(), rows, created, updated, unchanged, rejected, skipped, duplicates,
                rejections, likelyDuplicates, warnings);
    }

    /**
     * Upserts one batch in one transaction (a read-only one in a dry run), retried once when a
     * concurrent import or edit got in between (the retry then finds what the other wrote).
     */
    private void batch(List<Candidate> candidates, List<RejectedRow> early) {
        Outcome outcome;
        if (candidates.isEmpty()) {
            outcome = new Outcome();
        } else if (options.isDryRun()) {
            outcome = rt.store().readOnly(tx -> upsert(tx, candidates));
        } else {
            try {
                outcome = rt.store().inTransaction(tx -> upsert(tx, candidates));
            } catch (ConflictException e) {
                LOG.debug("CRM-IMPORT-002 A batch of an import by {} collided with a concurrent change ({});"
                        + " retrying it once", actor.id(), e.getMessage());
                outcome = rt.store().inTransaction(tx -> upsert(tx, candidates));
            }
        }
        outcome.rejected.addAll(0, early);
        outcome.rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        rows += candidates.size() + early.size();
        created += outcome.created;
        updated += outcome.updated;
        unchanged += outcome.unchanged;
        rejected += outcome.rejected.size();
        skipped += outcome.skipped;
        duplicates += outcome.duplicates.size();
        for (RejectedRow r : outcome.rejected) {
            if (rejections.size() < options.maxDetails()) {
                rejections.add(r);
            }
            options.rejectedCallback().accept(r);
        }
        for (LikelyDuplicate d : outcome.duplicates) {
            if (likelyDuplicates.size() < options.maxDetails()) {
                likelyDuplicates.add(d);
            }
        }
        options.progress().batchDone(report());
    }

    /** What one batch did; thrown away when its transaction fails. */
    private static final class Outcome {
        long created;
        long updated;
        long unchanged;
        long skipped;
        final List<RejectedRow> rejected = new ArrayList<>();
        final List<LikelyDuplicate> duplicates = new ArrayList<>();
    }

    // ---- parsing: each value checked on its own, every broken rule collected

    /** A field given: a value, or null to clear it. A field not given is a null {@code Given}. */
    private record Given<T>(T value) {
    }

    /** A row whose values were checked, ready to be compared with what is stored. */
    private record Candidate(long line, ExternalRef ref, CustomerKind kind, String name, Given<String> taxId,
            Given<String> industry, Given<Address> address, Given<String> rating, Set<String> categories,
            Set<String> tags, String ownerId, List<ContactDraft> contacts) {
    }

    /** A contact person of a row, checked. */
    private record ContactDraft(String name, Given<String> jobTitle, String email, String phone, Set<String> roles,
            boolean primary) {

        /** @return the key it is matched by: its e-mail in lower case, else its name in lower case */
        String key() {
            return email != null ? "e:" + email.toLowerCase(Locale.ROOT)
                    : "n:" + (name == null ? "" : name.toLowerCase(Locale.ROOT));
        }
    }

    private static String describe(ImportRow row) {
        return row == null ? "" : row.system() + ":" + row.externalId();
    }

    /** @return a {@link Candidate}, or a {@link RejectedRow} when a value is malformed */
    private Object parse(ImportRow row, long line) {
        List<Violation> violations = new ArrayList<>();
        if (row == null) {
            return new RejectedRow(line, "", List.of(new Violation("row", "NotNull", "a row cannot be null")));
        }
        ExternalRef ref = attempt(violations, "", () -> new ExternalRef(row.system(), row.externalId()));
        if (row.system() == null && row.externalId() == null) {
            violations.clear();
            violations.add(new Violation("externalRef", "NotNull", "a row needs the reference to its record in the source"));
        }
        CustomerKind kind = row.kind();
        if (kind == null && row.kindText() != null) {
            try {
                kind = CustomerKind.valueOf(row.kindText().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation("kind", "Format", "'" + row.kindText() + "' is neither COMPANY nor PERSON"));
            }
        }
        String name = row.name() == null ? null : row.name().strip();
        Given<String> taxId = row.taxId() == null ? null : new Given<>(TaxIds.normalize(row.taxId()));
        Given<String> industry = row.industry() == null ? null : new Given<>(blankToNull(row.industry()));
        Given<Address> address = null;
        // a country as ERPs write it ("Germany", "USA", the host's language) becomes its ISO code
        String country = isBlank(row.country()) ? row.country()
                : Countries.code(row.country(), options.countryNames()).orElse(row.country());
        if (row.addressGiven()) {
            boolean blank = isBlank(row.street()) && isBlank(row.postalCode()) && isBlank(row.city())
                    && isBlank(row.region()) && isBlank(row.country());
            address = blank ? new Given<>(null) : new Given<>(attempt(violations, "", () -> new Address(row.street(),
                    row.postalCode(), row.city(), row.region(), country)));
        }
        String region = address != null && address.value() != null ? address.value().country() : null;
        List<ImportWarning> doubts = new ArrayList<>();
        Given<String> rating = row.rating() == null ? null : new Given<>(blankToNull(row.rating()));
        Set<String> categories = null;
        if (row.categories() != null) {
            Classification c = attempt(violations, "", () -> new Classification(null, Set.copyOf(
                    new LinkedHashSet<>(row.categories()))));
            categories = c == null ? Set.of() : c.categories();
        }
        if (rating != null && rating.value() != null && rating.value().strip().length() > 10) {
            violations.add(new Violation("classification.rating", "Size", "must be at most 10 characters"));
        }
        Set<String> tags = null;
        if (row.tags() != null) {
            tags = new LinkedHashSet<>();
            for (String tag : row.tags()) {
                tags.add(tag.strip());
            }
        }
        String owner = row.ownerId() == null ? null : row.ownerId().strip();
        List<ContactDraft> contacts = new ArrayList<>();
        if (row.contacts().size() > ImportRow.MAX_CONTACTS) {
            violations.add(new Violation("contacts", "Size", "must have at most " + ImportRow.MAX_CONTACTS
                    + " elements"));
        }
        Set<String> keys = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < row.contacts().size(); i++) {
            ImportContact c = row.contacts().get(i);
            String prefix = "contacts[" + i + "].";
            int before = violations.size();
            String email = isBlank(c.email()) ? null
                    : attempt(violations, prefix, () -> EmailAddress.of(c.email()).value());
            String phone = null;
            if (!isBlank(c.phone())) {
                // read as the customer's country writes national numbers; a doubtful number does not
                // refuse the customer (unless asked to), it is stored normalised or left out, and said so
                Phones.Reading reading = Phones.read(c.phone(), region);
                if (reading.doubt() == null) {
                    phone = reading.e164();
                } else if (options.isStrictPhones()) {
                    violations.add(new Violation(prefix + "phone", "Format", "'" + c.phone() + "' " + reading.doubt()));
                } else {
                    phone = reading.e164();
                    doubts.add(new ImportWarning(line, describe(row), prefix + "phone", c.phone(), reading.doubt()));
                }
            }
            Set<String> roles = new LinkedHashSet<>();
            c.roles().forEach(r -> roles.add(ContactPerson.normalizeRole(r)));
            ContactDraft draft = new ContactDraft(c.name() == null ? null : c.name().strip(),
                    c.jobTitle() == null ? null : new Given<>(blankToNull(c.jobTitle())), email, phone, roles,
                    c.isPrimary());
            if (c.isPrimary()) {
                primaries++;
            }
            if (violations.size() == before && !keys.add(draft.key())) {
                violations.add(new Violation(prefix + (email != null ? "email" : "name"), "Unique",
                        "the row names this contact twice"));
            }
            contacts.add(draft);
        }
        if (primaries > 1) {
            violations.add(new Violation("contacts", "OnePrimary", "at most one contact can be primary"));
        }
        if (!violations.isEmpty()) {
            return new RejectedRow(line, describe(row), violations);
        }
        for (ImportWarning w : doubts) {
            if (warnings.size() < options.maxDetails()) {
                warnings.add(w);
            }
        }
        return new Candidate(line, ref, kind, name, taxId, industry, address, rating, categories, tags,
                owner == null || owner.isEmpty() ? null : owner, contacts);
    }

    /** Runs a value object's check, collecting what it refuses with the field prefixed. */
    private static <T> T attempt(List<Violation> violations, String prefix, Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                violations.add(new Violation(prefix + v.field(), v.rule(), v.message()));
            }
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- the upsert of one batch

    private Outcome upsert(StoreTransaction tx, List<Candidate> batch) {
        Outcome out = new Outcome();
        Instant now = rt.now();
        boolean write = !options.isDryRun();

        // the same reference twice in a batch: the first row counts, the others are refused
        Map<ExternalRef, Long> firstLine = new HashMap<>();
        List<Candidate> rowsToDo = new ArrayList<>(batch.size());
        for (Candidate c : batch) {
            Long first = firstLine.putIfAbsent(c.ref(), c.line());
            if (first != null) {
                out.rejected.add(reject(c, "externalRef", "Unique", "the reference " + c.ref()
                        + " is in line " + first + " of this import already"));
            } else {
                rowsToDo.add(c);
            }
        }

        Map<ExternalRef, Long> holders = tx.store(CustomerStore.class).holdersOf(firstLine.keySet());
        Map<Long, CustomerRecord> current = new HashMap<>();
        for (CustomerRecord r : tx.store(CustomerStore.class).findAll(new LinkedHashSet<>(holders.values()), mine)) {
            // an import changes the customer: its owner's line only, not whoever may read it (R28)
            if (mine.covers(r.ownerId())) {
                current.put(r.id(), r);
            }
        }
        Map<Long, List<ContactRecord>> contactsOf = new HashMap<>();
        if (!current.isEmpty()) {
            for (ContactRecord c : tx.store(ContactStore.class).ofCustomers(current.keySet())) {
                contactsOf.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c);
            }
        }

        List<Candidate> fresh = new ArrayList<>();
        List<Candidate> known = new ArrayList<>();
        for (Candidate c : rowsToDo) {
            Long holder = holders.get(c.ref());
            if (holder == null) {
                fresh.add(c);
            } else if (!current.containsKey(holder)) {
                out.rejected.add(reject(c, "externalRef", "Openable", "the reference " + c.ref()
                        + " belongs to a customer the actor may not change"));
            } else {
                known.add(c);
            }
        }

        List<DomainEvent> events = new ArrayList<>();
        createAll(tx, fresh, now, write, out, events);
        for (Candidate c : known) {
            long id = holders.get(c.ref());
            List<ContactRecord> contacts = contactsOf.computeIfAbsent(id, k -> new ArrayList<>());
            update(tx, c, id, current, contacts, now, write, out, events);
        }
        if (write && !events.isEmpty()) {
            tx.store(EventStore.class).append(events);
        }
        return out;
    }

    private static RejectedRow reject(Candidate c, String field, String rule, String message) {
        return new RejectedRow(c.line(), c.ref().toString(), List.of(new Violation(field, rule, message)));
    }

    private RejectedRow reject(Candidate c, List<Violation> violations) {
        return new RejectedRow(c.line(), c.ref().toString(), violations);
    }

    /** The new rows: checked, looked for among the existing customers, then inserted in bulk. */
    private void createAll(StoreTransaction tx, List<Candidate> fresh, Instant now, boolean write, Outcome out,
            List<DomainEvent> events) {
        List<Candidate> valid = new ArrayList<>();
        List<CustomerRecord> drafts = new ArrayList<>();
        for (Candidate c : fresh) {
            CustomerRecord draft = apply(c, emptyCustomer(now), now);
            List<Violation> violations = new ArrayList<>(CustomerService.violationsOf(rt, draft));
            if (c.name() == null) {
                violations.removeIf(v -> v.field().equals("name"));
                violations.add(0, new Violation("name", "NotBlank", "a new customer needs a name"));
            }
            assignable(draft.ownerId(), violations);
            List<ContactRecord> contacts = new ArrayList<>();
            for (ContactDraft d : c.contacts()) {
                contacts.add(newContact(d, 0, now));
            }
            contactViolations(c, contacts, violations);
            if (!violations.isEmpty()) {
                out.rejected.add(reject(c, violations));
                continue;
            }
            valid.add(c);
            drafts.add(draft);
        }
        Map<Integer, List<DuplicateMatch>> matches = duplicates(tx, valid, drafts);
        if (!matches.isEmpty() && write) {
            // a concurrent import may have created these very customers since their references were
            // looked up: then they are no duplicates but this batch came second, and its retry
            // finds them by reference
            Set<ExternalRef> flagged = new HashSet<>();
            matches.keySet().forEach(i -> flagged.add(valid.get(i).ref()));
            if (!tx.store(CustomerStore.class).holdersOf(flagged).isEmpty()) {
                throw new ConflictException("customers of this batch were imported at the same time by another run");
            }
        }
        List<Candidate> toCreate = new ArrayList<>();
        List<CustomerRecord> records = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            Candidate c = valid.get(i);
            List<DuplicateMatch> found = matches.get(i);
            boolean create = found == null || options.duplicatePolicy() == ImportOptions.DuplicatePolicy.CREATE_ANYWAY;
            if (found != null) {
                out.duplicates.add(new LikelyDuplicate(c.line(), c.ref().toString(), found, create));
            }
            if (create) {
                toCreate.add(c);
                records.add(drafts.get(i));
            } else {
                out.skipped++;
            }
        }
        out.created += records.size();
        if (!write || records.isEmpty()) {
            return;
        }
        List<CustomerRecord> inserted = tx.store(CustomerStore.class).insertAll(records);
        List<ContactRecord> contacts = new ArrayList<>();
        for (int i = 0; i < inserted.size(); i++) {
            CustomerRecord customer = inserted.get(i);
            events.add(rt.event(actor, EventTypes.CUSTOMER_CREATED, "customer", customer.id(), customer.id(), now,
                    Map.of("name", customer.name(), "owner", customer.ownerId())));
            for (ContactDraft d : toCreate.get(i).contacts()) {
                contacts.add(newContact(d, customer.id(), now));
            }
        }
        if (!contacts.isEmpty()) {
            for (ContactRecord contact : tx.store(ContactStore.class).insertContacts(contacts)) {
                events.add(rt.event(actor, EventTypes.CONTACT_ADDED, "contact", contact.id(), contact.customerId(),
                        now, Map.of("name", contact.name())));
            }
        }
    }

    /**
     * The likely duplicates of the new rows among the existing customers: one statement tells
     * which of the batch's keys any customer has, then the full check (one statement) runs for
     * each row that has such a key only.
     *
     * @return the matches of each row (by position) that has some
     */
    private Map<Integer, List<DuplicateMatch>> duplicates(StoreTransaction tx, List<Candidate> rowsToCheck,
            List<CustomerRecord> drafts) {
        List<DuplicateQuery> queries = new ArrayList<>(rowsToCheck.size());
        Set<String> taxIds = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (int i = 0; i < rowsToCheck.size(); i++) {
            DuplicateQuery q = query(rowsToCheck.get(i), drafts.get(i));
            queries.add(q);
            if (q != null) {
                addIf(taxIds, q.taxId());
                addIf(names, q.nameKey());
                addIf(emails, q.email());
                addIf(phones, q.phone());
            }
        }
        Map<Integer, List<DuplicateMatch>> out = new HashMap<>();
        DuplicateKeys all = new DuplicateKeys(taxIds, names, emails, phones, mine);
        if (all.isEmpty()) {
            return out;
        }
        DuplicateKeys present = tx.store(CustomerStore.class).presentKeys(all);
        if (present.isEmpty()) {
            return out;
        }
        for (int i = 0; i < queries.size(); i++) {
            DuplicateQuery q = queries.get(i);
            if (q == null || !(has(present.taxIds(), q.taxId()) || has(present.nameKeys(), q.nameKey())
                    || has(present.emails(), q.email()) || has(present.phones(), q.phone()))) {
                continue;
            }
            List<DuplicateMatch> found = tx.store(CustomerStore.class).duplicates(q).stream()
                    .filter(m -> m.score() >= DuplicateMatch.MIN_SCORE).limit(MAX_MATCHES).toList();
            if (!found.isEmpty()) {
                out.put(i, found);
            }
        }
        return out;
    }

    /** The keys of a new row as the duplicate check of inbound leads takes a prospect's. */
    private DuplicateQuery query(Candidate c, CustomerRecord draft) {
        String nameKey = NameKeys.normalize(draft.name());
        MatchReason reason = nameKey == null ? null
                : draft.kind() == CustomerKind.PERSON ? MatchReason.PERSON_NAME : MatchReason.NAME;
        String email = null;
        String phone = null;
        for (ContactDraft d : c.contacts()) {
            if (email == null && d.email() != null) {
                email = d.email().toLowerCase(Locale.ROOT);
            }
            if (phone == null && d.phone() != null) {
                phone = d.phone();
            }
        }
        if (draft.taxId() == null && email == null && phone == null && nameKey == null) {
            return null;
        }
        return new DuplicateQuery(draft.taxId(), email, phone, nameKey, reason, mine, MAX_MATCHES * 2);
    }

    private static boolean has(Set<String> set, String value) {
        return value != null && set.contains(value);
    }

    private static void addIf(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    /** A row whose reference a visible customer holds: compared, and written only where it differs. */
    private void update(StoreTransaction tx, Candidate c, long id, Map<Long, CustomerRecord> current,
            List<ContactRecord> contacts, Instant now, boolean write, Outcome out, List<DomainEvent> events) {
        CustomerRecord stored = current.get(id);
        CustomerRecord wanted = apply(c, stored, now);
        List<Violation> violations = new ArrayList<>(CustomerService.violationsOf(rt, wanted));
        boolean ownerChanged = !stored.ownerId().equals(wanted.ownerId());
        if (ownerChanged) {
            assignable(wanted.ownerId(), violations);
        }
        List<ContactRecord> before = List.copyOf(contacts);
        List<ContactRecord> after = new ArrayList<>(contacts);
        List<ContactRecord> toCheck = new ArrayList<>();
        for (ContactDraft d : c.contacts()) {
            int match = matching(after, d);
            ContactRecord next = match < 0 ? newContact(d, id, now) : merge(after.get(match), d, now);
            toCheck.add(next);
            if (match < 0) {
                after.add(next);
            } else {
                after.set(match, next);
            }
            if (d.primary()) {
                for (int k = 0; k < after.size(); k++) {
                    ContactRecord other = after.get(k);
                    if (other != next && other.primary()) {
                        after.set(k, withPrimary(other, false, now));
                    }
                }
            }
        }
        contactViolations(c, toCheck, violations);
        if (!violations.isEmpty()) {
            out.rejected.add(reject(c, violations));
            return;
        }
        List<String> fields = CustomerService.changedFields(stored, wanted);
        List<ContactRecord> added = new ArrayList<>();
        List<ContactRecord> changed = new ArrayList<>();
        Map<ContactRecord, List<String>> changedFields = new LinkedHashMap<>();
        for (ContactRecord next : after) {
            if (next.id() == 0) {
                added.add(next);
                continue;
            }
            ContactRecord old = before.stream().filter(b -> b.id() == next.id()).findFirst().orElseThrow();
            List<String> f = contactChanges(old, next);
            if (!f.isEmpty()) {
                changed.add(next);
                changedFields.put(next, f);
            }
        }
        if (fields.isEmpty() && !ownerChanged && added.isEmpty() && changed.isEmpty()) {
            out.unchanged++;
            return;
        }
        out.updated++;
        if (!write) {
            return;
        }
        CustomerRecord saved = stored;
        if (!fields.isEmpty() || ownerChanged) {
            saved = tx.store(CustomerStore.class).update(new CustomerRecord(stored.id(), stored.version(), stored.kind(),
                    wanted.name(), wanted.taxId(), wanted.industry(), wanted.tags(), wanted.rating(),
                    wanted.categories(), stored.status(), wanted.ownerId(), wanted.address(), wanted.externalRefs(),
                    stored.createdAt(), now));
            current.put(id, saved);
            if (!fields.isEmpty()) {
                events.add(rt.event(actor, EventTypes.CUSTOMER_UPDATED, "customer", id, id, now,
                        Map.of("fields", String.join(",", fields))));
            }
            if (ownerChanged) {
                tx.store(CustomerStore.class).recordOwnerChange(new OwnerChangeRecord(id, stored.ownerId(), wanted.ownerId(),
                        actor.id(), now));
                Map<String, String> data = new LinkedHashMap<>();
                data.put("from", stored.ownerId());
                data.put("to", wanted.ownerId());
                data.putAll(CustomerService.moveOpenRecords(tx, id, stored.ownerId(), wanted.ownerId()));
                events.add(rt.event(actor, EventTypes.CUSTOMER_OWNER_CHANGED, "customer", id, id, now, data));
            }
        }
        contacts.clear();
        for (ContactRecord next : after) {
            if (next.id() != 0 && !changed.contains(next)) {
                contacts.add(next);
            }
        }
        for (ContactRecord next : changed) {
            ContactRecord stored2 = tx.store(ContactStore.class).update(next);
            contacts.add(stored2);
            events.add(rt.event(actor, EventTypes.CONTACT_UPDATED, "contact", stored2.id(), id, now,
                    Map.of("fields", String.join(",", changedFields.get(next)))));
        }
        if (!added.isEmpty()) {
            for (ContactRecord inserted : tx.store(ContactStore.class).insertContacts(added)) {
                contacts.add(inserted);
                events.add(rt.event(actor, EventTypes.CONTACT_ADDED, "contact", inserted.id(), id, now,
                        Map.of("name", inserted.name())));
            }
        }
    }

    /** The owner must be someone the actor may hand customers to, as for {@code Customers.create}. */
    private void assignable(String ownerId, List<Violation> violations) {
        if (ownerId != null && !ownerId.isBlank() && rt.access().isKnownUser(ownerId) && !mine.covers(ownerId)) {
            violations.add(new Violation("ownerId", "Assignable", "the actor may not give customers to '" + ownerId
                    + "' (only to themselves or someone reporting to them)"));
        }
    }

    private void contactViolations(Candidate c, List<ContactRecord> contacts, List<Violation> violations) {
        for (int i = 0; i < contacts.size(); i++) {
            ContactRecord contact = contacts.get(i);
            if (c.contacts().get(i).name() == null) {
                violations.add(new Violation("contacts[" + i + "].name", "NotBlank", "must not be blank"));
                continue;
            }
            if (contact.customerId() == 0) {
                // a contact of a customer not yet created: checked as if it were (the id is no rule)
                contact = new ContactRecord(contact.id(), contact.version(), Long.MAX_VALUE, contact.name(),
                        contact.jobTitle(), contact.roles(), contact.channels(), contact.primary(), contact.createdAt(),
                        contact.updatedAt());
            }
            for (Violation v : CustomerService.violationsOf(rt, contact)) {
                violations.add(new Violation("contacts[" + i + "]." + v.field(), v.rule(), v.message()));
            }
        }
    }

    private CustomerRecord emptyCustomer(Instant now) {
        return new CustomerRecord(0, 0, CustomerKind.COMPANY, null, null, null, Set.of(), null, Set.of(),
                CustomerStatus.ACTIVE, actor.id(), null, Set.of(), now, now);
    }

    /** The state a row asks for, on top of what is stored (or of an empty new customer). */
    private static CustomerRecord apply(Candidate c, CustomerRecord base, Instant now) {
        Set<String> tags = new LinkedHashSet<>(base.tags());
        if (c.tags() != null) {
            tags.addAll(c.tags());
        }
        Set<String> categories = new LinkedHashSet<>(base.categories());
        if (c.categories() != null) {
            categories.addAll(c.categories());
        }
        Set<ExternalRef> refs = new LinkedHashSet<>(base.externalRefs());
        refs.add(c.ref());
        boolean isNew = base.id() == 0;
        return new CustomerRecord(base.id(), base.version(),
                isNew && c.kind() != null ? c.kind() : base.kind(),
                c.name() != null && !(c.name().isEmpty() && !isNew) ? c.name() : base.name(),
                c.taxId() != null ? c.taxId().value() : base.taxId(),
                c.industry() != null ? c.industry().value() : base.industry(),
                tags,
                c.rating() != null ? c.rating().value() : base.rating(),
                categories, base.status(),
                c.ownerId() != null ? c.ownerId() : base.ownerId(),
                c.address() != null ? c.address().value() : base.address(),
                refs, base.createdAt(), isNew ? now : base.updatedAt());
    }

    private static ContactRecord newContact(ContactDraft d, long customerId, Instant now) {
        List<ContactChannel> channels = new ArrayList<>();
        if (d.email() != null) {
            channels.add(new ContactChannel(ChannelType.EMAIL, d.email(), null, null));
        }
        if (d.phone() != null) {
            channels.add(new ContactChannel(ChannelType.PHONE, d.phone(), null, null));
        }
        return new ContactRecord(0, 0, customerId, d.name(), d.jobTitle() == null ? null : d.jobTitle().value(),
                d.roles(), channels, d.primary(), now, now);
    }

    /** The position of the existing contact a row's contact is, or -1. */
    private static int matching(List<ContactRecord> contacts, ContactDraft d) {
        for (int i = 0; i < contacts.size(); i++) {
            ContactRecord c = contacts.get(i);
            if (d.email() != null) {
                for (ContactChannel ch : c.channels()) {
                    if (ch.type() == ChannelType.EMAIL && ch.value().equalsIgnoreCase(d.email())) {
                        return i;
                    }
                }
            } else if (d.name() != null && c.name().equalsIgnoreCase(d.name())) {
                return i;
            }
        }
        return -1;
    }

    /** An existing contact with what a row gives: name and job title set, roles and channels it lacks added. */
    private static ContactRecord merge(ContactRecord c, ContactDraft d, Instant now) {
        Set<String> roles = new LinkedHashSet<>(c.roles());
        roles.addAll(d.roles());
        List<ContactChannel> channels = new ArrayList<>(c.channels());
        if (d.email() != null && channels.stream().noneMatch(ch -> ch.type() == ChannelType.EMAIL
                && ch.value().equalsIgnoreCase(d.email()))) {
            channels.add(new ContactChannel(ChannelType.EMAIL, d.email(), null, null));
        }
        if (d.phone() != null && channels.stream().noneMatch(ch -> ch.type() == ChannelType.PHONE
                && ch.value().equals(d.phone()))) {
            channels.add(new ContactChannel(ChannelType.PHONE, d.phone(), null, null));
        }
        ContactRecord next = new ContactRecord(c.id(), c.version(), c.customerId(),
                d.name() != null && !d.name().isEmpty() ? d.name() : c.name(),
                d.jobTitle() != null ? d.jobTitle().value() : c.jobTitle(), roles, channels,
                c.primary() || d.primary(), c.createdAt(), c.updatedAt());
        return contactChanges(c, next).isEmpty() ? c : withUpdatedAt(next, now);
    }

    private static ContactRecord withPrimary(ContactRecord c, boolean primary, Instant now) {
        return new ContactRecord(c.id(), c.version(), c.customerId(), c.name(), c.jobTitle(), c.roles(), c.channels(),
                primary, c.createdAt(), now);
    }

    private static ContactRecord withUpdatedAt(ContactRecord c, Instant now) {
        return new ContactRecord(c.id(), c.version(), c.customerId(), c.name(), c.jobTitle(), c.roles(), c.channels(),
                c.primary(), c.createdAt(), now);
    }

    private static List<String> contactChanges(ContactRecord a, ContactRecord b) {
        List<String> fields = new ArrayList<>();
        CustomerService.compare(fields, "name", a.name(), b.name());
        CustomerService.compare(fields, "jobTitle", a.jobTitle(), b.jobTitle());
        CustomerService.compare(fields, "roles", a.roles(), b.roles());
        CustomerService.compare(fields, "channels", a.channels(), b.channels());
        CustomerService.compare(fields, "primary", a.primary(), b.primary());
        return fields;
    }
}
