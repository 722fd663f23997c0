package org.crm4j.internal.pipeline;

import org.crm4j.store.OpportunityStore;
import org.crm4j.store.OfferStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.ContactStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.NewOffer;
import org.crm4j.pipeline.OfferAddressee;
import org.crm4j.pipeline.Offer;
import org.crm4j.pipeline.OfferId;
import org.crm4j.pipeline.OfferLine;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.OfferStatus;
import org.crm4j.pipeline.OfferTotals;
import org.crm4j.pipeline.Offers;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.SalesOrder;
import org.crm4j.pipeline.SalesOrderId;
import org.crm4j.pipeline.store.SalesOrderRecord;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.customer.CustomerService;

/** {@link Offers} for one actor: need-to-know follows the offer's deal. */
public final class OfferService implements Offers {
    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public OfferService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(rt.now(), rt.clock().getZone());
    }

    @Override
    public Offer draft(OpportunityId opportunityId, NewOffer offer) {
        Assert.notNull(opportunityId, "opportunityId");
        Assert.notNull(offer, "offer");
        Instant now = rt.now();
        OfferRecord saved = rt.store().inTransaction(tx -> {
            tx.store(OpportunityStore.class).lock(opportunityId.value());
            OpportunityRecord deal = openDeal(tx, opportunityId.value(), "make offers for");
            Pipeline pipeline = pipeline(deal.pipelineId());
            OfferRecord draft = new OfferRecord(0, 0, deal.id(), deal.customerId(),
                    tx.store(OfferStore.class).lastNumber(deal.id()) + 1, OfferStatus.DRAFT, pipeline.currency(), offer.lines(),
                    offer.validUntil(), offer.terms(), actor.id(), now, null, null, null, now);
            check(draft, List.of());
            OfferRecord inserted = tx.store(OfferStore.class).insert(draft);
            tx.store(OpportunityStore.class).recordActivity(deal.id(), now);
            tx.store(EventStore.class).append(List.of(event(EventTypes.OFFER_DRAFTED, inserted, now, Map.of())));
            return inserted;
        });
        return Offer.fromRecord(saved);
    }

    @Override
    public Offer get(OfferId id) {
        Assert.notNull(id, "id");
        return Offer.fromRecord(rt.store().readOnly(tx -> visibleOffer(tx, id.value(), "open")));
    }

    @Override
    public List<Offer> ofOpportunity(OpportunityId opportunityId) {
        Assert.notNull(opportunityId, "opportunityId");
        return rt.store().readOnly(tx -> {
            OpportunityService.visibleDeal(tx, visibility(), actor, opportunityId.value(), "see the offers of");
            return tx.store(OfferStore.class).ofOpportunity(opportunityId.value()).stream().map(Offer::fromRecord).toList();
        });
    }

    @Override
    public Offer save(Offer offer) {
        Assert.notNull(offer, "offer");
        if (offer.id() == null) {
            throw new ValidationException("offer.id", "NotNull", "an offer is saved after it was drafted");
        }
        OfferRecord changed = offer.toRecord();
        rt.validation().check(offer, List.of());
        Instant now = rt.now();
        LocalDate today = today();
        OfferRecord saved = rt.store().inTransaction(tx -> {
            OfferRecord stored = visibleOffer(tx, changed.id(), "change");
            if (stored.version() != changed.version()) {
                throw new ConflictException("offer " + changed.id() + " was changed by someone else (read at version "
                        + changed.version() + ", now at " + stored.version() + "); reload it");
            }
            List<String> fields = changedFields(stored, changed);
            if (stored.status() == changed.status() && fields.isEmpty()) {
                return stored;
            }
            List<Violation> violations = new ArrayList<>();
            OpportunityRecord deal = stored.status() == changed.status() ? null : lockedDeal(tx, stored);
            OfferRecord toWrite = step(tx, deal, stored, changed, now, today, violations);
            check(toWrite, violations);
            OfferRecord updated = tx.store(OfferStore.class).update(toWrite);
            tx.store(OpportunityStore.class).recordActivity(updated.opportunityId(), now);
            List<DomainEvent> events = new ArrayList<>();
            if (stored.status() == OfferStatus.DRAFT && !fields.isEmpty()) {
                events.add(event(EventTypes.OFFER_UPDATED, updated, now, Map.of("fields", String.join(",", fields))));
            }
            if (stored.status() != updated.status()) {
                events.add(statusEvent(updated, now));
            }
            tx.store(EventStore.class).append(events);
            return updated;
        });
        return Offer.fromRecord(saved);
    }

    /** The state after a step of the life cycle, with the rules of that step checked. */
    private OfferRecord step(StoreTransaction tx, OpportunityRecord deal, OfferRecord stored, OfferRecord changed,
            Instant now, LocalDate today, List<Violation> violations) {
        if (stored.status() != OfferStatus.DRAFT && !changedFields(stored, changed).isEmpty()) {
            throw new ValidationException("status", "Draft", "offer " + stored.id() + " is "
                    + name(stored.status()) + "; only a draft is changed (revise it into a new version instead)");
        }
        Instant sentAt = stored.sentAt();
        Instant decidedAt = stored.decidedAt();
        switch (changed.status()) {
            case DRAFT -> {
                if (stored.status() != OfferStatus.DRAFT) {
                    throw illegalStep(stored, changed);
                }
            }
            case SENT -> {
                requireFrom(stored, changed, OfferStatus.DRAFT);
                requireOpenDeal(deal);
                if (changed.lines().isEmpty()) {
                    violations.add(new Violation("lines", "NotEmpty", "an offer is sent with at least one line"));
                }
                if (changed.validUntil().isBefore(today)) {
                    violations.add(new Violation("validUntil", "FutureOrPresent", "an offer valid until "
                            + changed.validUntil() + " cannot be sent on " + today));
                }
                sentAt = now;
            }
            case ACCEPTED -> {
                requireFrom(stored, changed, OfferStatus.SENT);
                requireOpenDeal(deal);
                if (stored.validUntil().isBefore(today)) {
                    violations.add(new Violation("validUntil", "StillValid", "offer " + stored.id()
                            + " was valid until " + stored.validUntil() + "; expire it and revise it instead"));
                }
                tx.store(OfferStore.class).ofOpportunity(deal.id()).stream()
                        .filter(o -> o.status() == OfferStatus.ACCEPTED && o.id() != stored.id()).findFirst()
                        .ifPresent(o -> violations.add(new Violation("status", "OneAccepted", "offer " + o.id()
                                + " (version " + o.number() + ") of this deal was accepted already")));
                decidedAt = now;
            }
            case REJECTED -> {
                requireFrom(stored, changed, OfferStatus.SENT);
                decidedAt = now;
            }
            case EXPIRED -> {
                requireFrom(stored, changed, OfferStatus.SENT);
                if (!stored.validUntil().isBefore(today)) {
                    violations.add(new Violation("validUntil", "Passed", "offer " + stored.id() + " is valid until "
                            + stored.validUntil() + "; it expires after that day"));
                }
                decidedAt = now;
            }
            default -> throw new IllegalStateException("unknown offer status " + changed.status());
        }
        return new OfferRecord(stored.id(), stored.version(), stored.opportunityId(), stored.customerId(),
                stored.number(), changed.status(), stored.currency(), changed.lines(), changed.validUntil(),
                changed.terms(), stored.createdBy(), stored.createdAt(), sentAt, decidedAt, changed.decisionNote(),
                now);
    }

    private static void requireFrom(OfferRecord stored, OfferRecord changed, OfferStatus from) {
        if (stored.status() != from) {
            throw illegalStep(stored, changed);
        }
    }

    private static ValidationException illegalStep(OfferRecord stored, OfferRecord changed) {
        return new ValidationException("status", "Step", "offer " + stored.id() + " is " + name(stored.status())
                + " and cannot become " + name(changed.status()));
    }

    @Override
    public Offer revise(OfferId id) {
        Assert.notNull(id, "id");
        Instant now = rt.now();
        OfferRecord saved = rt.store().inTransaction(tx -> {
            OfferRecord from = visibleOffer(tx, id.value(), "revise");
            if (from.status() == OfferStatus.DRAFT || from.status() == OfferStatus.ACCEPTED) {
                throw new ValidationException("status", "Decided", "offer " + from.id() + " is " + name(from.status())
                        + "; sent, rejected and expired offers are revised");
            }
            requireOpenDeal(lockedDeal(tx, from));
            LocalDate today = today();
            LocalDate validUntil = from.validUntil();
            if (validUntil.isBefore(today)) {
                long days = Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(from.createdAt(),
                        rt.clock().getZone()), validUntil));
                validUntil = today.plusDays(days);
            }
            OfferRecord draft = new OfferRecord(0, 0, from.opportunityId(), from.customerId(),
                    tx.store(OfferStore.class).lastNumber(from.opportunityId()) + 1, OfferStatus.DRAFT, from.currency(), from.lines(),
                    validUntil, from.terms(), actor.id(), now, null, null, null, now);
            check(draft, List.of());
            OfferRecord inserted = tx.store(OfferStore.class).insert(draft);
            tx.store(OpportunityStore.class).recordActivity(from.opportunityId(), now);
            tx.store(EventStore.class).append(List.of(event(EventTypes.OFFER_DRAFTED, inserted, now,
                    Map.of("revises", Integer.toString(from.number())))));
            return inserted;
        });
        return Offer.fromRecord(saved);
    }

    @Override
    public SalesOrder placeOrder(OfferId id) {
        Assert.notNull(id, "id");
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            OfferRecord offer = visibleOffer(tx, id.value(), "place an order from");
            if (offer.status() != OfferStatus.ACCEPTED) {
                throw new ValidationException("status", "Accepted", "offer " + offer.id() + " is "
                        + name(offer.status()) + "; only an accepted offer becomes an order");
            }
            tx.store(OfferStore.class).orderOf(offer.id()).ifPresent(o -> {
                throw new ConflictException("offer " + offer.id() + " was turned into order " + o.id() + " already");
            });
            OfferTotals totals = OfferTotals.of(offer.lines(), offer.currency());
            SalesOrderRecord order = tx.store(OfferStore.class).insertOrder(new SalesOrderRecord(0, offer.id(),
                    offer.opportunityId(), offer.customerId(), totals.net(), totals.tax(), totals.gross(), actor.id(),
                    now));
            Map<String, String> data = new LinkedHashMap<>();
            data.put("offer", Long.toString(offer.id()));
            data.put("opportunity", Long.toString(offer.opportunityId()));
            data.put("net", totals.net().amount().toPlainString());
            data.put("tax", totals.tax().amount().toPlainString());
            data.put("gross", totals.gross().amount().toPlainString());
            data.put("currency", offer.currency().getCurrencyCode());
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.ORDER_PLACED, "order", order.id(),
                    offer.customerId(), now, data)));
            return toOrder(order, offer);
        });
    }

    @Override
    public Optional<SalesOrder> orderOf(OfferId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> {
            OfferRecord offer = visibleOffer(tx, id.value(), "open");
            return tx.store(OfferStore.class).orderOf(offer.id()).map(o -> toOrder(o, offer));
        });
    }

    private static SalesOrder toOrder(SalesOrderRecord o, OfferRecord offer) {
        return new SalesOrder(SalesOrderId.of(o.id()), OfferId.of(o.offerId()), OpportunityId.of(o.opportunityId()),
                CustomerId.of(o.customerId()), offer.lines(), o.net(), o.tax(), o.gross(), o.placedBy(), o.placedAt());
    }

    @Override
    public OfferAddressee addressee(OfferId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> {
            OfferRecord offer = visibleOffer(tx, id.value(), "address");
            // the address and the contact are the customer's details (R28): whoever sees the deal reads
            // them while it is open, the customer's owner's line always
            CustomerRecord customer = CustomerService.openableCustomer(tx, visibility(), actor, offer.customerId(),
                    "address offers to");
            ContactRecord contact = tx.store(ContactStore.class).ofCustomer(offer.customerId()).stream()
                    .filter(ContactRecord::primary).findFirst().orElse(null);
            return new OfferAddressee(customer.name(), customer.taxId(), customer.address(),
                    contact == null ? null : contact.name(), contact == null ? null : contact.jobTitle());
        });
    }

    // ---- checks

    /** Reads an offer whose deal the actor may see, need-to-know applied in the query. */
    private OfferRecord visibleOffer(StoreTransaction tx, long id, String what) {
        return tx.store(OfferStore.class).find(id, visibility()).orElseThrow(() -> tx.store(OfferStore.class).exists(id)
                ? new AccessDeniedException(actor.id(), what + " offer " + id)
                : new NotFoundException("offer", id));
    }

    /**
     * Locks the offer's deal, then reads it: a concurrent win, loss or accept is seen, not a
     * state read before it committed.
     */
    private static OpportunityRecord lockedDeal(StoreTransaction tx, OfferRecord offer) {
        tx.store(OpportunityStore.class).lock(offer.opportunityId());
        return tx.store(OpportunityStore.class).find(offer.opportunityId(), Visibility.everything())
                .orElseThrow(() -> new NotFoundException("opportunity", offer.opportunityId()));
    }

    private OpportunityRecord openDeal(StoreTransaction tx, long id, String what) {
        OpportunityRecord deal = OpportunityService.visibleDeal(tx, visibility(), actor, id, what);
        requireOpenDeal(deal);
        return deal;
    }

    private static void requireOpenDeal(OpportunityRecord deal) {
        if (deal.status() != OpportunityStatus.OPEN) {
            throw new ValidationException("opportunity", "Open", "opportunity " + deal.id() + " is "
                    + deal.status().name().toLowerCase(Locale.ROOT) + "; offers are made and decided on open deals");
        }
    }

    /** Every line priced in the offer's currency; annotated limits; nothing past due for a draft. */
    private void check(OfferRecord offer, List<Violation> more) {
        List<Violation> violations = new ArrayList<>(more);
        for (int i = 0; i < offer.lines().size(); i++) {
            OfferLine line = offer.lines().get(i);
            if (!line.unitPrice().currency().equals(offer.currency())) {
                violations.add(new Violation("lines[" + i + "].unitPrice", "Currency", "the deal is priced in "
                        + offer.currency() + ", not " + line.unitPrice().currency()));
            } else if (!fits(line::net)) {
                violations.add(new Violation("lines[" + i + "].net", "Digits", "quantity times unit price must"
                        + " have at most " + org.crm4j.common.Money.MAX_INTEGER_DIGITS + " digits before the point"));
            }
        }
        if (violations.isEmpty() && !fits(() -> OfferTotals.of(offer.lines(), offer.currency()))) {
            violations.add(new Violation("lines", "Digits", "the offer's total must have at most "
                    + org.crm4j.common.Money.MAX_INTEGER_DIGITS + " digits before the point"));
        }
        if (offer.status() == OfferStatus.DRAFT && offer.validUntil().isBefore(today())) {
            violations.add(new Violation("validUntil", "FutureOrPresent", "must not lie in the past, was "
                    + offer.validUntil()));
        }
        rt.validation().check(Offer.fromRecord(offer), violations);
    }

    /** @return whether an amount is computed within what the stores keep (Money refuses more) */
    private static boolean fits(java.util.function.Supplier<?> amount) {
        try {
            amount.get();
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private Pipeline pipeline(long id) {
        return rt.pipelines().get(id).orElseThrow(() -> new NotFoundException("pipeline", id));
    }

    private static List<String> changedFields(OfferRecord a, OfferRecord b) {
        List<String> fields = new ArrayList<>();
        if (!a.lines().equals(b.lines())) {
            fields.add("lines");
        }
        if (!Objects.equals(a.validUntil(), b.validUntil())) {
            fields.add("validUntil");
        }
        if (!Objects.equals(a.terms(), b.terms())) {
            fields.add("terms");
        }
        return fields;
    }

    private static String name(OfferStatus s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private DomainEvent statusEvent(OfferRecord offer, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        String type = switch (offer.status()) {
            case SENT -> EventTypes.OFFER_SENT;
            case ACCEPTED -> EventTypes.OFFER_ACCEPTED;
            case REJECTED -> EventTypes.OFFER_REJECTED;
            case EXPIRED -> EventTypes.OFFER_EXPIRED;
            case DRAFT -> throw new IllegalStateException("an offer never returns to draft");
        };
        if (offer.status() == OfferStatus.SENT || offer.status() == OfferStatus.ACCEPTED) {
            OfferTotals totals = OfferTotals.of(offer.lines(), offer.currency());
            data.put("net", totals.net().amount().toPlainString());
            data.put("gross", totals.gross().amount().toPlainString());
            data.put("currency", offer.currency().getCurrencyCode());
        }
        if (offer.status() != OfferStatus.REJECTED) {
            data.put("validUntil", offer.validUntil().toString());
        }
        if (offer.decisionNote() != null) {
            data.put(offer.status() == OfferStatus.REJECTED ? "reason" : "note", offer.decisionNote());
        }
        return event(type, offer, now, data);
    }

    private DomainEvent event(String type, OfferRecord offer, Instant now, Map<String, String> more) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("opportunity", Long.toString(offer.opportunityId()));
        data.put("number", Integer.toString(offer.number()));
        data.putAll(more);
        return rt.event(actor, type, "offer", offer.id(), offer.customerId(), now, data);
    }
}
