package org.crm4j.internal.mailing;

import org.crm4j.store.MailingStore;
import org.crm4j.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.crm4j.customer.Criterion;
import org.crm4j.customer.CustomerField;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.Mailing;
import org.crm4j.mailing.MailingId;
import org.crm4j.mailing.MailingProgress;
import org.crm4j.mailing.store.MailingRecord;
import org.crm4j.mailing.MailingReport;
import org.crm4j.mailing.MailingStatus;
import org.crm4j.mailing.Mailings;
import org.crm4j.mailing.NewMailing;
import org.crm4j.mailing.SkipReason;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.RecipientCount;
import org.crm4j.store.StoreTransaction;
import org.crm4j.plugin.TemplateEngine;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;

/** {@link Mailings} for one actor: need-to-know follows the mailing's owner. */
public final class MailingService implements Mailings {
    private static final int MAX_NAME = 200;
    private static final int MAX_SUBJECT = 500;
    private static final int MAX_TEXT = 100_000;
    private static final int MAX_HTML = 200_000;
    private static final int MAX_LINK = 500;

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public MailingService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public Mailing create(NewMailing mailing) {
        Assert.notNull(mailing, "mailing");
        Instant now = rt.now();
        MailingRecord draft = prepare(mailing, actor.id(), now);
        MailingRecord saved = rt.store().inTransaction(tx -> {
            MailingRecord inserted = tx.store(MailingStore.class).insert(draft);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("name", inserted.name());
            data.put("audience", audienceKind(inserted.audience()));
            if (inserted.purpose() != null) {
                data.put("purpose", inserted.purpose().code());
            }
            tx.store(EventStore.class).append(List.of(event(EventTypes.MAILING_CREATED, inserted, now, data)));
            return inserted;
        });
        return Mailing.fromRecord(saved);
    }

    @Override
    public Mailing get(MailingId id) {
        Assert.notNull(id, "id");
        return Mailing.fromRecord(rt.store().readOnly(tx -> visibleMailing(tx, id.value(), "open")));
    }

    @Override
    public Mailing edit(MailingId id, long version, NewMailing changes) {
        Assert.notNull(id, "id");
        Assert.notNull(changes, "changes");
        Instant now = rt.now();
        MailingRecord stored0 = rt.store().readOnly(tx -> visibleMailing(tx, id.value(), "edit"));
        MailingRecord content = prepare(changes, stored0.ownerId(), now);
        MailingRecord saved = rt.store().inTransaction(tx -> {
            MailingRecord stored = visibleMailing(tx, id.value(), "edit");
            if (stored.status() != MailingStatus.DRAFT) {
                throw new ValidationException("status", "Draft", "mailing " + id + " is "
                        + stored.status().name().toLowerCase(Locale.ROOT) + "; only a draft is edited");
            }
            if (stored.version() != version) {
                throw new ConflictException("mailing " + id + " was changed by someone else (read at version "
                        + version + ", now at " + stored.version() + "); reload it");
            }
            MailingRecord updated = tx.store(MailingStore.class).update(new MailingRecord(stored.id(), stored.version(),
                    content.name(), content.purpose(), content.audience(), content.subject(), content.text(),
                    content.html(), content.unsubscribeLink(), stored.status(), stored.ownerId(), stored.createdAt(),
                    now, null, null, null));
            tx.store(EventStore.class).append(List.of(event(EventTypes.MAILING_UPDATED, updated, now, Map.of("name",
                    updated.name()))));
            return updated;
        });
        return Mailing.fromRecord(saved);
    }

    @Override
    public MailingReport send(MailingId id, MailingProgress progress) {
        Assert.notNull(id, "id");
        Assert.notNull(progress, "progress");
        return new MailingRun(rt, actor, id.value(), progress).run();
    }

    @Override
    public MailingReport report(MailingId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> report(tx, visibleMailing(tx, id.value(), "open")));
    }

    // ---- shared with the sending run

    /**
     * @param tx a transaction
     * @param m a mailing
     * @return where it stands, from one count of its recipients
     */
    static MailingReport report(StoreTransaction tx, MailingRecord m) {
        long audience = 0;
        long sent = 0;
        long pending = 0;
        long failed = 0;
        Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
        for (RecipientCount c : tx.store(MailingStore.class).counts(m.id())) {
            audience += c.count();
            switch (c.status()) {
                case SENT -> sent += c.count();
                case PENDING, CLAIMED -> pending += c.count();
                case FAILED -> failed += c.count();
                case SKIPPED -> skipped.merge(c.reason(), c.count(), Long::sum);
            }
        }
        return new MailingReport(MailingId.of(m.id()), m.status(), audience, sent, pending, failed, skipped,
                m.lastError());
    }

    /**
     * Reads a mailing an actor may see, need-to-know applied in the query.
     *
     * @throws AccessDeniedException when it exists but the actor may not see it
     * @throws NotFoundException when there is none
     */
    static MailingRecord visibleMailing(StoreTransaction tx, Visibility visibility, Actor actor, long id,
            String what) {
        return tx.store(MailingStore.class).find(id, visibility).orElseThrow(() -> tx.store(MailingStore.class).exists(id)
                ? new AccessDeniedException(actor.id(), what + " mailing " + id)
                : new NotFoundException("mailing", id));
    }

    private MailingRecord visibleMailing(StoreTransaction tx, long id, String what) {
        return visibleMailing(tx, visibility(), actor, id, what);
    }

    static String audienceKind(Audience audience) {
        if (audience instanceof Audience.Segment) {
            return "segment";
        }
        return audience instanceof Audience.Employees ? "employees" : "team";
    }

    // ---- checks

    /** Checks everything about a mailing's content, reporting every broken rule at once. */
    private MailingRecord prepare(NewMailing m, String ownerId, Instant now) {
        List<Violation> violations = new ArrayList<>(StoredValues.violations(m));
        String name = m.name() == null ? null : m.name().strip();
        if (name == null || name.isEmpty()) {
            violations.add(new Violation("name", "NotBlank", "a mailing needs a name"));
        } else if (name.length() > MAX_NAME) {
            violations.add(new Violation("name", "Size", "at most " + MAX_NAME + " characters, was " + name.length()));
        }
        Audience audience = m.audience();
        if (audience.customers() && m.purpose() == null) {
            violations.add(new Violation("purpose", "NotNull", "a mailing to customers says what it is for, so that"
                    + " it goes only to contacts who consented to that"));
        }
        if (audience instanceof Audience.Employees employees) {
            List<String> ids = employees.userIds();
            for (int i = 0; i < ids.size(); i++) {
                if (!rt.access().isKnownUser(ids.get(i))) {
                    violations.add(new Violation("audience.userIds[" + i + "]", "KnownUser", "'" + ids.get(i)
                            + "' is not a known user"));
                }
            }
        } else if (audience instanceof Audience.TeamOf team && !rt.access().isKnownUser(team.managerId())) {
            violations.add(new Violation("audience.managerId", "KnownUser", "'" + team.managerId()
                    + "' is not a known user"));
        }
        String subject = text(m.subject(), "subject", MAX_SUBJECT, true, violations);
        String text = text(m.text(), "text", MAX_TEXT, true, violations);
        String html = text(m.html(), "html", MAX_HTML, false, violations);
        String link = m.unsubscribeLink() == null || m.unsubscribeLink().isBlank() ? null : m.unsubscribeLink().strip();
        if (link != null) {
            if (!audience.customers()) {
                violations.add(new Violation("unsubscribeLink", "SegmentOnly", "employees do not unsubscribe; an"
                        + " unsubscribe link is for mailings to customers"));
            } else if (!(link.startsWith("https://") || link.startsWith("http://")) || !link.contains(
                    MailingModel.CONTACT_ID) || link.length() > MAX_LINK || link.chars().anyMatch(Character::isWhitespace)) {
                violations.add(new Violation("unsubscribeLink", "Format", "an http(s) address of at most " + MAX_LINK
                        + " characters with " + MailingModel.CONTACT_ID + " in it, was '" + link + "'"));
            }
        }
        if (violations.stream().noneMatch(v -> v.field().equals("unsubscribeLink"))) {
            Map<String, Object> sample = MailingModel.sample(audience, name == null ? "" : name, ownerId,
                    senderName(ownerId), link);
            TemplateEngine engine = rt.templates();
            tryTemplate(engine, "subject", subject, TemplateEngine.Markup.TEXT, sample, violations);
            tryTemplate(engine, "text", text, TemplateEngine.Markup.TEXT, sample, violations);
            tryTemplate(engine, "html", html, TemplateEngine.Markup.HTML, sample, violations);
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (audience instanceof Audience.Segment segment && segment.where() != null) {
            Visibility mine = visibility();
            Set<String> hidden = new LinkedHashSet<>();
            namedOwners(segment.where(), hidden);
            hidden.removeIf(mine::covers);
            if (!hidden.isEmpty()) {
                throw new AccessDeniedException(actor.id(), "mail the customers of " + hidden);
            }
        }
        return new MailingRecord(0, 0, name, audience.customers() ? m.purpose() : null, audience, subject, text, html,
                link, MailingStatus.DRAFT, ownerId, now, now, null, null, null);
    }

    /** The owners a criteria tree names, anywhere in it (also under a not). */
    private static void namedOwners(Criterion c, Set<String> owners) {
        if (c instanceof Criterion.Compare cmp && cmp.field() == CustomerField.OWNER) {
            owners.add((String) cmp.value());
        } else if (c instanceof Criterion.In in && in.field() == CustomerField.OWNER) {
            in.values().forEach(v -> owners.add((String) v));
        } else if (c instanceof Criterion.TextMatch t && t.field() == CustomerField.OWNER
                && t.mode() == Criterion.TextMode.EQUALS) {
            owners.add(t.text());
        } else if (c instanceof Criterion.And and) {
            and.parts().forEach(p -> namedOwners(p, owners));
        } else if (c instanceof Criterion.Or or) {
            or.parts().forEach(p -> namedOwners(p, owners));
        } else if (c instanceof Criterion.Not not) {
            namedOwners(not.part(), owners);
        }
    }

    private static String text(String value, String field, int max, boolean required, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "NotBlank", "a mailing needs a " + field + " template"));
            }
            return null;
        }
        if (value.length() > max) {
            violations.add(new Violation(field, "Size", "at most " + max + " characters, was " + value.length()));
        }
        return value;
    }

    /** Compiles a template and renders it for the sample recipient; the engine's refusals name the field. */
    private static void tryTemplate(TemplateEngine engine, String field, String source, TemplateEngine.Markup markup,
            Map<String, Object> sample, List<Violation> violations) {
        if (source == null || violations.stream().anyMatch(v -> v.field().equals(field))) {
            return;
        }
        try {
            engine.compile(field, source, markup).render(sample);
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                violations.add(new Violation(field, v.rule(), v.message()));
            }
        }
    }

    /** @return the user's name as the directory knows it, else the id */
    String senderName(String userId) {
        return rt.access().user(userId).map(DirectoryUser::displayName).orElse(userId);
    }

    private DomainEvent event(String type, MailingRecord m, Instant now, Map<String, String> data) {
        return rt.event(actor, type, "mailing", m.id(), null, now, data);
    }
}
