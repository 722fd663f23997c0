package org.crm4j.internal.pipeline;

import org.crm4j.store.OpportunityStore;
import org.crm4j.store.OfferStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.ContactStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.common.Money;
import org.crm4j.common.Page;
import org.crm4j.customer.CustomerId;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.pipeline.NewOpportunity;
import org.crm4j.pipeline.Opportunities;
import org.crm4j.pipeline.Opportunity;
import org.crm4j.pipeline.OpportunityId;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.pipeline.OpportunityStatus;
import org.crm4j.pipeline.Participant;
import org.crm4j.pipeline.Pipeline;
import org.crm4j.pipeline.PipelineId;
import org.crm4j.pipeline.PipelineView;
import org.crm4j.pipeline.Stage;
import org.crm4j.pipeline.StageChange;
import org.crm4j.pipeline.StageKind;
import org.crm4j.pipeline.StageTotal;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StalledDeal;
import org.crm4j.plugin.PipelineRule;
import org.crm4j.plugin.StageMove;
import org.crm4j.store.Keyset;
import org.crm4j.store.StageTotalRow;
import org.crm4j.store.StalledRow;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.PageTokens;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.customer.CustomerService;

/** {@link Opportunities} for one actor. */
public final class OpportunityService implements Opportunities {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OpportunityService.class);
    /** How far in the past a new deal's expected close date may lie. */
    private static final int MAX_DAYS_IN_PAST = 30;

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public OpportunityService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public Opportunity open(NewOpportunity opportunity) {
        Assert.notNull(opportunity, "opportunity");
        Instant now = rt.now();
        Opening opening = prepare(opportunity, now);
        OpportunityRecord saved = rt.store().inTransaction(tx -> {
            requireCustomer(tx, opening.draft().customerId());
            return insert(tx, opening, now);
        });
        return Opportunity.fromRecord(saved);
    }

    /**
     * A deal checked and ready to insert.
     *
     * @param draft its state
     * @param start the stage it starts in
     */
    public record Opening(OpportunityRecord draft, Stage start) {
    }

    /**
     * Checks a new deal against the pipeline, its rules and the directory; reads no store.
     *
     * @param opportunity the deal
     * @param now when
     * @return it, ready to insert
     * @throws ValidationException listing every broken rule
     * @throws AccessDeniedException when the actor may not give the deal its owner
     */
    public Opening prepare(NewOpportunity opportunity, Instant now) {
        return prepare(opportunity, now, false);
    }

    /**
     * @param opportunity the deal
     * @param now when
     * @param ownerGranted whether the caller has already granted the deal its owner: a lead's
     *     conversion, where whoever may work the lead turns it into a deal of the lead's owner
     * @return it, ready to insert
     */
    public Opening prepare(NewOpportunity opportunity, Instant now, boolean ownerGranted) {
        Pipeline pipeline = pipeline(opportunity.pipelineId().value());
        List<Violation> violations = new ArrayList<>();
        Stage stage = opportunity.stageCode() == null ? pipeline.firstOpenStage()
                : pipeline.stage(opportunity.stageCode()).orElse(null);
        if (stage == null) {
            violations.add(new Violation("stage", "InPipeline", "'" + opportunity.stageCode()
                    + "' is no stage of pipeline " + pipeline.name()));
            stage = pipeline.firstOpenStage();
        } else if (stage.kind() != StageKind.OPEN || !stage.isActive()) {
            violations.add(new Violation("stage", "OpenActive", "a deal starts in an active open stage, not "
                    + stage.code()));
        }
        OpportunityRecord draft = opportunity.toRecord(actor.id(), stage.code(), stage.defaultProbability(), now);
        checkValues(draft, pipeline, violations);
        if (opportunity.probability() != null && draft.probabilityReason() == null
                && draft.probability() != stage.defaultProbability()) {
            violations.add(new Violation("probabilityReason", "NotBlank", "an overridden probability needs a reason"));
        }
        if (draft.expectedClose() != null
                && draft.expectedClose().isBefore(LocalDate.ofInstant(now, rt.clock().getZone()).minusDays(MAX_DAYS_IN_PAST))) {
            violations.add(new Violation("expectedClose", "NotFarInPast",
                    "a new deal cannot be expected to close more than " + MAX_DAYS_IN_PAST + " days ago"));
        }
        rt.access().unknownOwner(draft.ownerId()).ifPresent(violations::add);
        violations.addAll(ruleFailures(new StageMove(pipeline, null, stage, draft, actor.id(), false)));
        rt.validation().check(Opportunity.fromRecord(draft), violations);
        if (!ownerGranted && !visibility().covers(draft.ownerId())) {
            throw new AccessDeniedException(actor.id(), "open deals owned by '" + draft.ownerId() + "'");
        }
        return new Opening(draft, stage);
    }

    /**
     * Inserts a prepared deal with its first stage change and {@code opportunity.opened}, in the
     * caller's transaction; the caller has checked the customer.
     *
     * @param tx the transaction
     * @param opening the prepared deal
     * @param now when
     * @return the inserted deal
     */
    public OpportunityRecord insert(StoreTransaction tx, Opening opening, Instant now) {
        OpportunityRecord draft = opening.draft();
        checkParticipants(tx, draft);
        OpportunityRecord inserted = tx.store(OpportunityStore.class).insert(draft);
        OpportunityId id = OpportunityId.of(inserted.id());
        tx.store(OpportunityStore.class).recordStageChange(new StageChange(id, null, opening.start().code(), actor.id(), now));
        tx.store(EventStore.class).append(List.of(event(EventTypes.OPPORTUNITY_OPENED, inserted, now,
                Map.of("title", inserted.title(), "stage", opening.start().code(), "owner", inserted.ownerId()))));
        return inserted;
    }

    @Override
    public Opportunity get(OpportunityId id) {
        Assert.notNull(id, "id");
        return Opportunity.fromRecord(rt.store().readOnly(tx -> visible(tx, id.value(), "open")));
    }

    @Override
    public Opportunity save(Opportunity opportunity) {
        Assert.notNull(opportunity, "opportunity");
        if (opportunity.id() == null) {
            throw new ValidationException("opportunity.id", "NotNull", "a deal is saved after it was opened");
        }
        OpportunityRecord changed = opportunity.toRecord();
        Pipeline pipeline = pipeline(changed.pipelineId());
        List<Violation> violations = new ArrayList<>();
        checkValues(changed, pipeline, violations);
        rt.access().unknownOwner(changed.ownerId()).ifPresent(violations::add);
        rt.validation().check(opportunity, violations);
        Instant now = rt.now();
        String reopenReason = opportunity.pendingReopenReason().orElse(null);
        OpportunityRecord saved = rt.store().inTransaction(tx -> {
            OpportunityRecord stored = visible(tx, changed.id(), "change");
            if (stored.version() != changed.version()) {
                throw new ConflictException("opportunity " + changed.id() + " was changed by someone else (read at"
                        + " version " + changed.version() + ", now at " + stored.version() + "); reload it");
            }
            if (!stored.ownerId().equals(changed.ownerId()) && !visibility().covers(changed.ownerId())) {
                throw new AccessDeniedException(actor.id(), "hand opportunity " + changed.id() + " to '"
                        + changed.ownerId() + "'");
            }
            if (changed.expectedClose() != null && !changed.expectedClose().equals(stored.expectedClose())
                    && changed.expectedClose().isBefore(LocalDate.ofInstant(now, rt.clock().getZone())
                            .minusDays(MAX_DAYS_IN_PAST))) {
                // the rule of open(): a date moved far into the past is a typo, not a forecast
                throw new ValidationException("expectedClose", "NotFarInPast", "a deal cannot be expected to close"
                        + " more than " + MAX_DAYS_IN_PAST + " days ago");
            }
            Transition t = transition(tx, stored, changed, pipeline, reopenReason);
            List<String> fields = changedFields(stored, t.result());
            if (stored.status() != OpportunityStatus.OPEN && t.kind() == Move.NONE && !fields.isEmpty()) {
                throw new ValidationException("status", "Open", "opportunity " + stored.id() + " is "
                        + stored.status().name().toLowerCase(Locale.ROOT) + "; reopen it before editing it");
            }
            if (t.kind() == Move.NONE && fields.isEmpty()) {
                return stored;
            }
            if (!Set.copyOf(stored.participants()).equals(Set.copyOf(t.result().participants()))) {
                checkParticipants(tx, t.result());
            }
            OpportunityRecord toWrite = withTimes(t.result(), t.kind() == Move.NONE ? stored.stageSince() : now,
                    stored.createdAt(), now);
            OpportunityRecord updated = tx.store(OpportunityStore.class).update(toWrite);
            List<DomainEvent> events = new ArrayList<>();
            if (t.kind() != Move.NONE) {
                tx.store(OpportunityStore.class).recordStageChange(new StageChange(OpportunityId.of(updated.id()), stored.stageCode(),
                        updated.stageCode(), actor.id(), now));
                events.add(moveEvent(t.kind(), stored, updated, now, reopenReason));
            }
            if (!fields.isEmpty()) {
                events.add(event(EventTypes.OPPORTUNITY_UPDATED, updated, now, Map.of("fields", String.join(",", fields))));
            }
            tx.store(EventStore.class).append(events);
            return updated;
        });
        return Opportunity.fromRecord(saved);
    }

    @Override
    public List<StageChange> stageHistory(OpportunityId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> {
            visible(tx, id.value(), "open");
            return tx.store(OpportunityStore.class).stageChanges(id.value());
        });
    }

    @Override
    public List<Opportunity> ofCustomer(CustomerId customerId) {
        Assert.notNull(customerId, "customerId");
        return rt.store().readOnly(tx -> {
            requireCustomer(tx, customerId.value());
            return tx.store(OpportunityStore.class).ofCustomer(customerId.value(), visibility()).stream()
                    .map(Opportunity::fromRecord).toList();
        });
    }

    @Override
    public PipelineView pipelineView(PipelineId pipelineId) {
        Assert.notNull(pipelineId, "pipelineId");
        Pipeline pipeline = pipeline(pipelineId.value());
        String currency = pipeline.currency().getCurrencyCode();
        List<StageTotalRow> rows = rt.store().readOnly(tx -> tx.store(OpportunityStore.class).stageTotals(pipelineId.value(),
                visibility()));
        Map<String, StageTotalRow> byStage = new LinkedHashMap<>();
        rows.forEach(r -> byStage.put(r.stageCode(), r));
        List<StageTotal> totals = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            if (stage.kind() != StageKind.OPEN) {
                continue;
            }
            StageTotalRow row = byStage.get(stage.code());
            long count = row == null ? 0 : row.count();
            BigDecimal amount = row == null ? BigDecimal.ZERO : row.amount();
            BigDecimal weighted = row == null ? BigDecimal.ZERO : row.amountTimesProbability().movePointLeft(2);
            totals.add(new StageTotal(stage, count, Money.rounded(amount, currency), Money.rounded(weighted, currency)));
        }
        return new PipelineView(pipeline, totals);
    }

    @Override
    public Page<StalledDeal> stalled(StallCriteria criteria) {
        Assert.notNull(criteria, "criteria");
        Keyset after = criteria.pageToken() == null ? null : PageTokens.decodeStalled(criteria.pageToken());
        Instant now = rt.now();
        StallCheck check = StallCheck.of(criteria, now, rt.clock().getZone());
        List<StalledRow> rows = rt.store().readOnly(tx -> tx.store(OpportunityStore.class).stalled(
                check.query(visibility(), after, criteria.limit() + 1)));
        boolean more = rows.size() > criteria.limit();
        List<StalledRow> page = more ? rows.subList(0, criteria.limit()) : rows;
        String next = null;
        if (more) {
            StalledRow last = page.get(page.size() - 1);
            next = PageTokens.encodeStalled(new Keyset(last.lastActivityAt(), last.id()));
        }
        return new Page<>(page.stream().map(check::toDeal).toList(), next);
    }

    // ---- rules and checks

    /** What kind of move a save makes. */
    private enum Move {
        NONE, ADVANCE, WIN, LOSE, REOPEN
    }

    private record Transition(Move kind, OpportunityRecord result) {
    }

    private Transition transition(StoreTransaction tx, OpportunityRecord stored, OpportunityRecord changed,
            Pipeline pipeline, String reopenReason) {
        List<Violation> violations = new ArrayList<>();
        Stage from = pipeline.stage(stored.stageCode()).orElse(null);
        Move kind;
        Stage to;
        if (stored.status() == OpportunityStatus.OPEN && changed.status() == OpportunityStatus.WON) {
            kind = Move.WIN;
            to = firstActive(pipeline, StageKind.WON);
            requireReason(changed.closeReason(), pipeline.wonReasons(), "won", violations);
        } else if (stored.status() == OpportunityStatus.OPEN && changed.status() == OpportunityStatus.LOST) {
            kind = Move.LOSE;
            to = firstActive(pipeline, StageKind.LOST);
            requireReason(changed.closeReason(), pipeline.lostReasons(), "lost", violations);
        } else if (stored.status() != OpportunityStatus.OPEN && changed.status() == OpportunityStatus.OPEN) {
            kind = Move.REOPEN;
            to = openStage(pipeline, changed.stageCode(), violations);
        } else if (!Objects.equals(stored.stageCode(), changed.stageCode())) {
            kind = Move.ADVANCE;
            to = openStage(pipeline, changed.stageCode(), violations);
        } else {
            return new Transition(Move.NONE, changed);
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        boolean overridden = changed.probability() != stored.probability()
                || !Objects.equals(changed.probabilityReason(), stored.probabilityReason());
        int probability = kind == Move.WIN ? 100 : kind == Move.LOSE ? 0
                : overridden ? changed.probability() : to.defaultProbability();
        String reason = kind == Move.WIN || kind == Move.LOSE || !overridden ? null : changed.probabilityReason();
        OpportunityRecord result = new OpportunityRecord(changed.id(), changed.version(), stored.customerId(),
                changed.ownerId(), stored.pipelineId(), to.code(), changed.status(), changed.title(), changed.amount(),
                probability, reason, changed.expectedClose(), stored.source(), changed.competitors(),
                changed.participants(), changed.closeReason(), changed.closeNote(), changed.lostTo(),
                changed.priceGap(), stored.stageSince(), stored.createdAt(), changed.updatedAt());
        List<Violation> failures = ruleFailures(new StageMove(pipeline, from, to, result, actor.id(),
                tx.store(OfferStore.class).anySent(stored.id())));
        if (!failures.isEmpty()) {
            throw new ValidationException(failures);
        }
        return new Transition(kind, result);
    }

    private List<Violation> ruleFailures(StageMove move) {
        List<Violation> failures = new ArrayList<>();
        for (PipelineRule rule : rt.rules()) {
            Optional<String> refusal;
            try {
                refusal = rule.check(move);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // a plugin's rule: its text may hold anything, so the caller gets a plain refusal and
                // the operator the stack trace under the rule's id
                LOG.warn("CRM-RULE-001 Pipeline rule {} failed on deal {}; the move is refused", rule.id(),
                        move.opportunity().id(), e);
                refusal = Optional.of("the rule could not be checked; the move is refused (see the log, CRM-RULE-001)");
            }
            refusal.ifPresent(message -> failures.add(new Violation("stage", rule.id(), message)));
        }
        return failures;
    }

    private static Stage firstActive(Pipeline pipeline, StageKind kind) {
        return pipeline.stages().stream().filter(s -> s.kind() == kind && s.isActive()).findFirst().orElseThrow();
    }

    private static Stage openStage(Pipeline pipeline, String code, List<Violation> violations) {
        Optional<Stage> stage = pipeline.stage(code);
        if (stage.isEmpty()) {
            violations.add(new Violation("stage", "InPipeline", "'" + code + "' is no stage of pipeline " + pipeline.name()));
            return pipeline.firstOpenStage();
        }
        if (stage.get().kind() != StageKind.OPEN || !stage.get().isActive()) {
            violations.add(new Violation("stage", "OpenActive", "a deal moves to an active open stage, not " + code
                    + " (win or lose it instead)"));
        }
        return stage.get();
    }

    private static void requireReason(String reason, Set<String> allowed, String outcome,
            List<Violation> violations) {
        if (reason == null || reason.isBlank()) {
            violations.add(new Violation("closeReason", "NotBlank", "a deal is " + outcome + " for a reason, one of "
                    + new TreeSet<>(allowed)));
        } else if (!allowed.contains(reason)) {
            violations.add(new Violation("closeReason", "Allowed", "'" + reason + "' is not a reason a deal may be "
                    + outcome + " for; one of " + new TreeSet<>(allowed)));
        }
    }

    private static void checkValues(OpportunityRecord r, Pipeline pipeline, List<Violation> violations) {
        if (r.amount() != null) {
            if (!r.amount().currency().equals(pipeline.currency())) {
                violations.add(new Violation("amount", "Currency", "pipeline " + pipeline.name() + " deals in "
                        + pipeline.currency() + ", not " + r.amount().currency()));
            }
            if (r.amount().isNegative()) {
                violations.add(new Violation("amount", "PositiveOrZero", "must not be negative"));
            }
        }
        if (r.priceGap() != null && !r.priceGap().currency().equals(pipeline.currency())) {
            violations.add(new Violation("priceGap", "Currency", "must be in " + pipeline.currency()));
        }
        if (r.probability() < 0 || r.probability() > 100) {
            violations.add(new Violation("probability", "Range", "must be 0 to 100, was " + r.probability()));
        }
    }

    /** The contact persons involved must be the customer's: one query for all of them. */
    private void checkParticipants(StoreTransaction tx, OpportunityRecord r) {
        if (r.participants().isEmpty()) {
            return;
        }
        // the contacts are the customer's details: only whoever may open the customer names them, so
        // that nobody learns through a refusal which contact ids a customer has
        CustomerService.openableCustomer(tx, visibility(), actor, r.customerId(), "name participants on");
        Set<Long> customersContacts = new HashSet<>();
        tx.store(ContactStore.class).ofCustomer(r.customerId()).forEach(c -> customersContacts.add(c.id()));
        List<Violation> violations = new ArrayList<>();
        for (Participant p : r.participants()) {
            if (!customersContacts.contains(p.contactId().value())) {
                violations.add(new Violation("participants", "CustomersContact", "contact " + p.contactId()
                        + " is no contact person of customer " + r.customerId()));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    private Pipeline pipeline(long id) {
        return rt.pipelines().get(id).orElseThrow(() -> new ValidationException("pipelineId", "Exists",
                "there is no pipeline " + id));
    }

    private void requireCustomer(StoreTransaction tx, long customerId) {
        CustomerService.openableCustomer(tx, visibility(), actor, customerId, "see the deals of");
    }

    private OpportunityRecord visible(StoreTransaction tx, long id, String what) {
        return visibleDeal(tx, visibility(), actor, id, what);
    }

    /**
     * Reads a deal an actor may see, with need-to-know applied in the query itself; only when it
     * is not found is it told apart whether it exists at all.
     *
     * @param tx the transaction
     * @param visibility the actor's visibility
     * @param actor who acts
     * @param id the deal
     * @param what what the actor tries, for the refusal, e.g. {@code open}
     * @return the deal
     * @throws AccessDeniedException when it exists but the actor may not see it
     * @throws NotFoundException when there is none
     */
    static OpportunityRecord visibleDeal(StoreTransaction tx, Visibility visibility, Actor actor, long id,
            String what) {
        return tx.store(OpportunityStore.class).find(id, visibility).orElseThrow(() -> tx.store(OpportunityStore.class).exists(id)
                ? new AccessDeniedException(actor.id(), what + " opportunity " + id)
                : new NotFoundException("opportunity", id));
    }

    private static OpportunityRecord withTimes(OpportunityRecord r, Instant stageSince, Instant createdAt, Instant now) {
        return new OpportunityRecord(r.id(), r.version(), r.customerId(), r.ownerId(), r.pipelineId(), r.stageCode(),
                r.status(), r.title(), r.amount(), r.probability(), r.probabilityReason(), r.expectedClose(), r.source(),
                r.competitors(), r.participants(), r.closeReason(), r.closeNote(), r.lostTo(), r.priceGap(), stageSince,
                createdAt, now);
    }

    private static List<String> changedFields(OpportunityRecord a, OpportunityRecord b) {
        List<String> fields = new ArrayList<>();
        compare(fields, "title", a.title(), b.title());
        compare(fields, "owner", a.ownerId(), b.ownerId());
        compare(fields, "amount", a.amount(), b.amount());
        if (a.status() == b.status() && Objects.equals(a.stageCode(), b.stageCode())) {
            compare(fields, "probability", a.probability(), b.probability());
        }
        compare(fields, "expectedClose", a.expectedClose(), b.expectedClose());
        compare(fields, "competitors", a.competitors(), b.competitors());
        compare(fields, "participants", Set.copyOf(a.participants()), Set.copyOf(b.participants()));
        return fields;
    }

    private static void compare(List<String> fields, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            fields.add(name);
        }
    }

    private DomainEvent moveEvent(Move kind, OpportunityRecord before, OpportunityRecord after, Instant now,
            String reopenReason) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("from", before.stageCode());
        data.put("to", after.stageCode());
        String type = switch (kind) {
            case WIN -> EventTypes.OPPORTUNITY_WON;
            case LOSE -> EventTypes.OPPORTUNITY_LOST;
            case REOPEN -> EventTypes.OPPORTUNITY_REOPENED;
            default -> EventTypes.OPPORTUNITY_STAGE_CHANGED;
        };
        if (kind == Move.WIN || kind == Move.LOSE) {
            data.put("reason", after.closeReason());
        }
        if (after.lostTo() != null) {
            data.put("lostTo", after.lostTo());
        }
        if (reopenReason != null) {
            data.put("why", reopenReason);
        }
        return event(type, after, now, data);
    }

    private DomainEvent event(String type, OpportunityRecord r, Instant now, Map<String, String> data) {
        return rt.event(actor, type, "opportunity", r.id(), r.customerId(), now, data);
    }
}
