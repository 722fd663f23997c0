package org.crm4j.internal.campaign;

import org.crm4j.store.LeadStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.CustomerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.campaign.Assignment;
import org.crm4j.campaign.store.CampaignRecord;
import org.crm4j.campaign.LeadOpening;
import org.crm4j.campaign.LeadOpeningReport;
import org.crm4j.campaign.LeadTargets;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.CustomerSort;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.lead.store.LeadRecord;
import org.crm4j.lead.LeadStatus;
import org.crm4j.store.CustomerRow;
import org.crm4j.store.CustomerSearch;
import org.crm4j.store.Keyset;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.lead.LeadService;

/**
 * One bulk opening of leads on a campaign (R17): checks everything it can up front, then works
 * through the targets in batches, each batch one transaction with the events of its leads. It
 * never holds more than one batch of targets: criteria targets are paged through the store's
 * keyset search with the actor's visibility in the query.
 */
final class BulkLeadOpening {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLeadOpening.class);

    private final Runtime rt;
    private final Actor actor;
    private final CampaignRecord campaign;
    private final LeadOpening opening;
    private final Visibility mine;
    private long targeted;
    private long opened;
    private long alreadyOpen;
    private long turn;

    BulkLeadOpening(Runtime rt, Actor actor, CampaignRecord campaign, LeadOpening opening) {
        this.rt = rt;
        this.actor = actor;
        this.campaign = campaign;
        this.opening = opening;
        this.mine = rt.access().visibilityOf(actor);
    }

    LeadOpeningReport run() {
        Assigner assigner = assigner(opening.assignment(), "assignment");
        if (opening.targets() instanceof LeadTargets.Listed listed) {
            List<Long> ids = listed.ids().stream().map(CustomerId::value).toList();
            checkListed(ids);
            for (int from = 0; from < ids.size(); from += opening.batchSize()) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + opening.batchSize()));
                batch(assigner, tx -> ordered(chunk, tx.store(CustomerStore.class).rows(chunk, mine)), chunk.size());
            }
        } else {
            LeadTargets.Matching matching = (LeadTargets.Matching) opening.targets();
            Keyset after = null;
            while (true) {
                Keyset from = after;
                List<CustomerRow> page = batch(assigner, tx -> tx.store(CustomerStore.class).search(new CustomerSearch(
                        matching.where(), false, mine, CustomerSort.CREATED_ASC, from, opening.batchSize())), -1);
                if (page.size() < opening.batchSize()) {
                    break;
                }
                CustomerRow last = page.get(page.size() - 1);
                after = new Keyset(last.createdAt(), last.id());
            }
        }
        LOG.debug("CRM-LEAD-001 Bulk opening on campaign {} by {}: {} targeted, {} opened, {} already open",
                campaign.id(), actor.id(), targeted, opened, alreadyOpen);
        return report();
    }

    private LeadOpeningReport report() {
        return new LeadOpeningReport(targeted, opened, alreadyOpen);
    }

    /**
     * Opens the leads of one batch in one transaction, retried once when a concurrent opening of
     * the same campaign took a customer first (the retry skips it as already open).
     *
     * @param read reads the batch's target rows inside the transaction
     * @param listed how many targets the batch stands for, or -1 to count the rows read
     * @return the rows read
     */
    private List<CustomerRow> batch(Assigner assigner, java.util.function.Function<StoreTransaction,
            List<CustomerRow>> read, int listed) {
        long turnBefore = turn;
        Outcome outcome;
        try {
            outcome = rt.store().inTransaction(tx -> write(tx, assigner, read.apply(tx)));
        } catch (ConflictException e) {
            LOG.debug("CRM-LEAD-002 A batch of campaign {} collided with another opening; retrying it once",
                    campaign.id());
            turn = turnBefore;
            outcome = rt.store().inTransaction(tx -> write(tx, assigner, read.apply(tx)));
        }
        targeted += listed >= 0 ? listed : outcome.rows().size();
        opened += outcome.opened();
        alreadyOpen += outcome.skipped();
        if (!outcome.rows().isEmpty() || listed > 0) {
            opening.progress().batchDone(report());
        }
        return outcome.rows();
    }

    private record Outcome(List<CustomerRow> rows, int opened, int skipped) {
    }

    private Outcome write(StoreTransaction tx, Assigner assigner, List<CustomerRow> rows) {
        if (rows.isEmpty()) {
            return new Outcome(rows, 0, 0);
        }
        Set<Long> existing = tx.store(LeadStore.class).customersWithLead(campaign.id(), rows.stream().map(CustomerRow::id).toList());
        Instant now = rt.now();
        List<LeadRecord> fresh = new ArrayList<>();
        for (CustomerRow row : rows) {
            if (!existing.contains(row.id())) {
                fresh.add(new LeadRecord(0, 0, campaign.id(), row.id(), null, null, null, assigner.ownerOf(row),
                        LeadStatus.NEW, null, List.of(), null, actor.id(), now, now, List.of()));
            }
        }
        List<LeadRecord> inserted = fresh.isEmpty() ? List.of() : tx.store(LeadStore.class).insertAll(fresh);
        List<DomainEvent> events = new ArrayList<>(inserted.size() * 2);
        for (LeadRecord lead : inserted) {
            events.addAll(LeadService.openingEvents(rt, actor, lead, now));
        }
        tx.store(EventStore.class).append(events);
        return new Outcome(rows, inserted.size(), rows.size() - inserted.size());
    }

    /** The rows in the order of the list, so that a round robin deals them out in that order. */
    private static List<CustomerRow> ordered(List<Long> ids, List<CustomerRow> rows) {
        Map<Long, CustomerRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<CustomerRow> out = new ArrayList<>(rows.size());
        for (Long id : ids) {
            CustomerRow row = byId.get(id);
            if (row != null) {
                out.add(row);
            }
        }
        return out;
    }

    /**
     * Unknown customers and customers the actor may not open are told together, before anything
     * is written: one read per batch of the list, and one more for a batch with refusals.
     */
    private void checkListed(List<Long> ids) {
        List<Violation> unknown = new ArrayList<>();
        List<Violation> archived = new ArrayList<>();
        List<Long> denied = new ArrayList<>();
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        rt.store().readOnly(tx -> {
            for (int from = 0; from < ids.size(); from += opening.batchSize()) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + opening.batchSize()));
                Set<Long> visible = new LinkedHashSet<>();
                for (CustomerRow r : tx.store(CustomerStore.class).rows(chunk, mine)) {
                    visible.add(r.id());
                    if (r.status() != CustomerStatus.ACTIVE) {
                        archived.add(new Violation("targets[" + position.get(r.id()) + "]", "Active",
                                "customer " + r.id() + " is archived"));
                    }
                }
                List<Long> missing = chunk.stream().filter(id -> !visible.contains(id)).toList();
                if (missing.isEmpty()) {
                    continue;
                }
                Set<Long> existing = new LinkedHashSet<>();
                tx.store(CustomerStore.class).rows(missing, Visibility.everything()).forEach(r -> existing.add(r.id()));
                for (int i = 0; i < missing.size(); i++) {
                    long id = missing.get(i);
                    if (existing.contains(id)) {
                        denied.add(id);
                    } else {
                        unknown.add(new Violation("targets[" + position.get(id) + "]", "Exists",
                                "there is no customer " + id));
                    }
                }
            }
            return null;
        });
        if (!unknown.isEmpty() || !archived.isEmpty()) {
            List<Violation> all = new ArrayList<>(unknown);
            all.addAll(archived);
            denied.forEach(id -> all.add(new Violation("targets[" + position.get(id) + "]", "Openable",
                    "the actor may not open customer " + id)));
            throw new ValidationException(all);
        }
        if (!denied.isEmpty()) {
            throw new AccessDeniedException(actor.id(), "open leads on customers " + denied);
        }
    }

    // ---- assignment

    /** Who gets the lead on a target. */
    private interface Assigner {
        String ownerOf(CustomerRow row);
    }

    private Assigner assigner(Assignment policy, String field) {
        List<Violation> violations = new ArrayList<>();
        Assigner a = build(policy, field, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return a;
    }

    private Assigner build(Assignment policy, String field, List<Violation> violations) {
        if (policy instanceof Assignment.CustomerOwner) {
            return CustomerRow::ownerId;
        }
        if (policy instanceof Assignment.RoundRobin rr) {
            List<String> users = checkUsers(rr.userIds(), field + ".userIds", violations);
            return row -> users.get((int) (turn++ % users.size()));
        }
        if (policy instanceof Assignment.TeamOf team) {
            if (!rt.access().isKnownUser(team.managerId())) {
                violations.add(new Violation(field + ".managerId", "KnownUser", "'" + team.managerId()
                        + "' is not a known user"));
                return row -> null;
            }
            List<String> members = rt.access().directReportsOf(team.managerId());
            if (members.isEmpty()) {
                violations.add(new Violation(field + ".managerId", "HasTeam", "nobody reports to '"
                        + team.managerId() + "'"));
                return row -> null;
            }
            List<String> users = checkUsers(members, field + ".team", violations);
            return row -> users.get((int) (turn++ % users.size()));
        }
        Assignment.Mapped mapped = (Assignment.Mapped) policy;
        Map<Long, String> owners = new LinkedHashMap<>();
        mapped.owners().forEach((customer, user) -> owners.put(customer.value(), user));
        List<String> named = List.copyOf(new LinkedHashSet<>(owners.values()));
        checkUsers(named, field + ".owners", violations);
        Assigner fallback = build(mapped.fallback(), field + ".fallback", violations);
        return row -> {
            String user = owners.get(row.id());
            return user != null ? user : fallback.ownerOf(row);
        };
    }

    /** Every user must be known and visible to the actor, so that the actor keeps sight of the leads. */
    private List<String> checkUsers(List<String> users, String field, List<Violation> violations) {
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            if (!rt.access().isKnownUser(user)) {
                violations.add(new Violation(field + "[" + i + "]", "KnownUser", "'" + user + "' is not a known user"));
            } else if (!mine.covers(user)) {
                hidden.add(user);
            }
        }
        if (violations.isEmpty() && !hidden.isEmpty()) {
            throw new AccessDeniedException(actor.id(), "assign leads to " + hidden);
        }
        return users;
    }
}
