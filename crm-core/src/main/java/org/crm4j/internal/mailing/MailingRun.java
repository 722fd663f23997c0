package org.crm4j.internal.mailing;

import org.crm4j.store.MailingStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.ActivityStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crm4j.ConflictException;
import org.crm4j.CrmException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.ActivityType;
import org.crm4j.customer.ConsentStatus;
import org.crm4j.customer.CustomerSort;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.mailing.Audience;
import org.crm4j.mailing.MailingProgress;
import org.crm4j.mailing.store.MailingRecord;
import org.crm4j.mailing.MailingReport;
import org.crm4j.mailing.MailingStatus;
import org.crm4j.mailing.Mailings;
import org.crm4j.mailing.store.RecipientRecord;
import org.crm4j.mailing.RecipientStatus;
import org.crm4j.mailing.SkipReason;
import org.crm4j.notify.MailMessage;
import org.crm4j.store.CustomerRow;
import org.crm4j.store.CustomerSearch;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.Keyset;
import org.crm4j.plugin.MailSender;
import org.crm4j.store.RecipientCandidate;
import org.crm4j.store.StoreTransaction;
import org.crm4j.plugin.TemplateEngine;
import org.crm4j.store.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;

/**
 * One sending run of a mailing: moves it to sending, writes its audience down once (in batches of
 * their own transactions, idempotent by the recipients' unique key), then claims pending
 * recipients in batches and sends to each, recording each sent message in its own transaction.
 * It never holds more than one batch in memory.
 */
final class MailingRun {
    private static final Logger LOG = LoggerFactory.getLogger(MailingRun.class);
    private static final int MAX_ERROR = 1000;
    /** The pauses before recording a handed-off message is tried again after a store failure. */
    private static final Duration[] RECORD_RETRIES = {Duration.ofMillis(100), Duration.ofMillis(500),
        Duration.ofSeconds(2)};

    private final Runtime rt;
    private final Actor actor;
    private final long id;
    private final MailingProgress progress;
    private final Visibility mine;
    private final String token = UUID.randomUUID().toString();

    MailingRun(Runtime rt, Actor actor, long id, MailingProgress progress) {
        this.rt = rt;
        this.actor = actor;
        this.id = id;
        this.progress = progress;
        this.mine = rt.access().visibilityOf(actor);
    }

    MailingReport run() {
        MailingRecord m = read();
        if (m.status() == MailingStatus.COMPLETED) {
            throw completed();
        }
        MailSender sender = rt.mail();
        TemplateEngine engine = rt.templates();
        // the templates of the mailing as started: an edit committed just before the start is what goes out
        m = start();
        Templates templates = new Templates(engine.compile("subject", m.subject(), TemplateEngine.Markup.TEXT),
                engine.compile("text", m.text(), TemplateEngine.Markup.TEXT),
                m.html() == null ? null : engine.compile("html", m.html(), TemplateEngine.Markup.HTML));
        if (m.audienceFixedAt() == null) {
            writeAudience(m);
            m = fixAudience();
        }
        String senderName = rt.access().user(m.ownerId()).map(DirectoryUser::displayName).orElse(m.ownerId());
        while (true) {
            Instant now = rt.now();
            Instant stale = now.minus(Duration.ofMinutes(Mailings.CLAIM_LEASE_MINUTES));
            List<RecipientRecord> batch = rt.store().inTransaction(tx -> tx.store(MailingStore.class).claim(id, token, now, stale,
                    Mailings.SEND_BATCH));
            if (batch.isEmpty()) {
                break;
            }
            try {
                for (RecipientRecord r : batch) {
                    MailMessage message;
                    try {
                        message = render(templates, m, senderName, r);
                        sender.send(message);
                    } catch (Exception e) {
                        return pause(r, e);
                    }
                    recordSent(m, r, message);
                }
            } catch (RuntimeException failure) {
                releaseClaims(failure);
                throw failure;
            }
            MailingReport soFar = rt.store().inTransaction(tx -> {
                MailingReport report = MailingService.report(tx, current(tx));
                tx.store(EventStore.class).append(List.of(progressEvent("send", report)));
                return report;
            });
            progress.batchDone(soFar);
        }
        return complete();
    }

    // ---- status

    private MailingRecord read() {
        return rt.store().readOnly(tx -> current(tx));
    }

    private MailingRecord current(StoreTransaction tx) {
        return MailingService.visibleMailing(tx, mine, actor, id, "send");
    }

    private ValidationException completed() {
        return new ValidationException("status", "NotCompleted", "mailing " + id
                + " is completed; a completed mailing is not sent again");
    }

    /** A draft or paused mailing becomes sending; a concurrent run may do it first. */
    private MailingRecord start() {
        return retryOnConflict(tx -> {
            MailingRecord m = current(tx);
            if (m.status() == MailingStatus.COMPLETED) {
                throw completed();
            }
            if (m.status() == MailingStatus.SENDING) {
                return m;
            }
            Instant now = rt.now();
            MailingRecord sending = tx.store(MailingStore.class).update(m.withStatus(MailingStatus.SENDING, now, null));
            if (m.status() == MailingStatus.DRAFT) {
                tx.store(EventStore.class).append(List.of(event(EventTypes.MAILING_STARTED, now, Map.of("name", m.name()))));
            }
            return sending;
        });
    }

    private MailingRecord fixAudience() {
        return retryOnConflict(tx -> {
            MailingRecord m = current(tx);
            return m.audienceFixedAt() != null ? m : tx.store(MailingStore.class).update(m.withAudienceFixed(rt.now()));
        });
    }

    /** Completes the mailing when nothing is left to send, else leaves it to the run that still holds some. */
    private MailingReport complete() {
        try {
            return rt.store().inTransaction(tx -> {
                MailingRecord m = current(tx);
                MailingReport report = MailingService.report(tx, m);
                if (m.status() == MailingStatus.COMPLETED || report.pending() > 0 || report.failed() > 0) {
                    return report;
                }
                Instant now = rt.now();
                MailingRecord done = tx.store(MailingStore.class).update(m.withStatus(MailingStatus.COMPLETED, now, null));
                Map<String, String> data = new LinkedHashMap<>();
                data.put("audience", Long.toString(report.audience()));
                data.put("sent", Long.toString(report.sent()));
                data.put("skipped", Long.toString(report.skippedTotal()));
                report.skipped().forEach((reason, n) -> data.put("skipped." + reason.name(), Long.toString(n)));
                tx.store(EventStore.class).append(List.of(event(EventTypes.MAILING_COMPLETED, now, data)));
                LOG.debug("CRM-MAIL-001 Mailing {} completed: {} sent, {} skipped", id, report.sent(),
                        report.skippedTotal());
                return MailingService.report(tx, done);
            });
        } catch (ConflictException e) {
            // a concurrent run completed it (or changed it) meanwhile
            return rt.store().readOnly(tx -> MailingService.report(tx, current(tx)));
        }
    }

    /** The mail sender failed: the recipient is marked failed, the rest released, the mailing paused. */
    private MailingReport pause(RecipientRecord failed, Exception e) {
        String error = Assert.abbreviate(e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()), MAX_ERROR);
        LOG.warn("CRM-MAIL-002 Mailing {} paused: the mail sender failed on recipient {}: {}", id, failed.id(), error);
        rt.store().inTransaction(tx -> {
            tx.store(MailingStore.class).markFailed(failed.id(), token, error);
            tx.store(MailingStore.class).release(id, token);
            return null;
        });
        return retryOnConflict(tx -> {
            MailingRecord m = current(tx);
            if (m.status() == MailingStatus.SENDING) {
                Instant now = rt.now();
                m = tx.store(MailingStore.class).update(m.withStatus(MailingStatus.PAUSED, now, error));
                MailingReport report = MailingService.report(tx, m);
                tx.store(EventStore.class).append(List.of(event(EventTypes.MAILING_PAUSED, now, Map.of("error", error, "sent",
                        Long.toString(report.sent())))));
                return report;
            }
            return MailingService.report(tx, m);
        });
    }

    private <T> T retryOnConflict(Function<StoreTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return rt.store().inTransaction(work);
            } catch (ConflictException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.debug("CRM-MAIL-003 Mailing {} was changed by a concurrent run; reading it again", id);
            }
        }
    }

    // ---- the audience

    private void writeAudience(MailingRecord m) {
        if (m.audience() instanceof Audience.Segment segment) {
            Visibility owners = ownerVisibility(m.ownerId());
            Keyset after = null;
            while (true) {
                Keyset from = after;
                AudienceStep<List<CustomerRow>> step = audienceBatch(tx -> {
                    List<CustomerRow> rows = tx.store(CustomerStore.class).search(new CustomerSearch(segment.where(), false, owners,
                            CustomerSort.CREATED_ASC, from, Mailings.AUDIENCE_BATCH));
                    List<RecipientRecord> recipients = new ArrayList<>();
                    if (!rows.isEmpty()) {
                        for (RecipientCandidate c : tx.store(MailingStore.class).candidates(rows.stream().map(CustomerRow::id)
                                .toList(), m.purpose())) {
                            recipients.add(recipient(c));
                        }
                    }
                    return new AudienceStep<>(rows, write(tx, recipients));
                });
                progress.batchDone(step.report());
                List<CustomerRow> page = step.read();
                if (page.size() < Mailings.AUDIENCE_BATCH) {
                    break;
                }
                CustomerRow last = page.get(page.size() - 1);
                after = new Keyset(last.createdAt(), last.id());
            }
        } else {
            List<String> users = m.audience() instanceof Audience.Employees e ? e.userIds()
                    : rt.access().directReportsOf(((Audience.TeamOf) m.audience()).managerId());
            for (int from = 0; from < users.size(); from += Mailings.AUDIENCE_BATCH) {
                List<RecipientRecord> recipients = new ArrayList<>();
                for (String user : users.subList(from, Math.min(users.size(), from + Mailings.AUDIENCE_BATCH))) {
                    recipients.add(employee(user));
                }
                progress.batchDone(audienceBatch(tx -> new AudienceStep<>(recipients, write(tx, recipients))).report());
            }
        }
    }

    /** What one batch of the audience read, and the mailing's state after it. */
    private record AudienceStep<T>(T read, MailingReport report) {
    }

    /** One batch in one transaction, retried once when a concurrent run wrote some of its recipients first. */
    private <T> T audienceBatch(Function<StoreTransaction, T> work) {
        try {
            return rt.store().inTransaction(work);
        } catch (ConflictException e) {
            LOG.debug("CRM-MAIL-004 A batch of mailing {} collided with a concurrent run; retrying it once", id);
            return rt.store().inTransaction(work);
        }
    }

    /** Inserts the recipients the mailing has none for yet, with the batch's progress event. */
    private MailingReport write(StoreTransaction tx, List<RecipientRecord> recipients) {
        if (!recipients.isEmpty()) {
            Set<String> existing = new HashSet<>(tx.store(MailingStore.class).existingKeys(id, recipients.stream()
                    .map(RecipientRecord::recipientKey).toList()));
            List<RecipientRecord> fresh = recipients.stream().filter(r -> !existing.contains(r.recipientKey())).toList();
            if (!fresh.isEmpty()) {
                tx.store(MailingStore.class).insertRecipients(fresh);
            }
        }
        MailingReport report = MailingService.report(tx, current(tx));
        tx.store(EventStore.class).append(List.of(progressEvent("audience", report)));
        return report;
    }

    private RecipientRecord recipient(RecipientCandidate c) {
        SkipReason skip = c.unsubscribed() ? SkipReason.UNSUBSCRIBED
                : c.consent() == ConsentStatus.WITHDRAWN ? SkipReason.CONSENT_WITHDRAWN
                : c.consent() == null ? SkipReason.NO_CONSENT
                : c.email() == null ? SkipReason.NO_EMAIL : null;
        return new RecipientRecord(0, id, RecipientRecord.contactKey(c.contactId()), c.contactId(), c.customerId(),
                c.customerName(), c.customerOwnerId(), null, c.contactName(), c.email(),
                skip == null ? RecipientStatus.PENDING : RecipientStatus.SKIPPED, skip, 0, null, null, null, null,
                null);
    }

    private RecipientRecord employee(String userId) {
        String name = rt.access().user(userId).map(DirectoryUser::displayName).orElse(userId);
        String email = rt.access().emailOf(userId).map(e -> e.value()).orElse(null);
        return new RecipientRecord(0, id, RecipientRecord.userKey(userId), null, null, null, null, userId, name,
                email, email == null ? RecipientStatus.SKIPPED : RecipientStatus.PENDING,
                email == null ? SkipReason.NO_EMAIL : null, 0, null, null, null, null, null);
    }

    /** The segment is the owner's: evaluated with the owner's need-to-know, whoever sends. */
    private Visibility ownerVisibility(String ownerId) {
        return rt.access().visibilityOf(new Actor(ownerId, rt.access().user(ownerId).map(DirectoryUser::roles)
                .orElse(Set.of())));
    }

    // ---- sending

    private record Templates(TemplateEngine.Template subject, TemplateEngine.Template text,
            TemplateEngine.Template html) {
    }

    private MailMessage render(Templates t, MailingRecord m, String senderName, RecipientRecord r) {
        Map<String, Object> values = MailingModel.of(m, senderName, r);
        return new MailMessage(messageId(r), r.email(), r.name(), t.subject().render(values).strip(),
                t.text().render(values), t.html() == null ? null : t.html().render(values));
    }

    private String messageId(RecipientRecord r) {
        String who = r.contactId() != null ? "c" + r.contactId() : "u" + r.id();
        return "mailing-" + id + "-" + who + "@crm4j";
    }

    /**
     * The run failed (the store, most likely): the recipients it still holds go back to pending at
     * once, so that the next send takes them instead of waiting for the claim lease. When the store
     * cannot be reached for that either, the lease frees them.
     */
    private void releaseClaims(RuntimeException failure) {
        try {
            rt.store().inTransaction(tx -> {
                tx.store(MailingStore.class).release(id, token);
                return null;
            });
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("CRM-MAIL-006 Mailing {}: the recipients claimed by a failed run could not be released;"
                    + " they are claimed again after {} minutes", id, Mailings.CLAIM_LEASE_MINUTES);
        }
    }

    /**
     * Marks the recipient sent and, for a contact, records the e-mail on the customer's history,
     * together. The message is handed off already: a store failure here is tried again a few times
     * (a dropped connection, a database restarting) before the run gives up, since a recipient left
     * unrecorded is sent again later.
     */
    private void recordSent(MailingRecord m, RecipientRecord r, MailMessage message) {
        for (int attempt = 1; ; attempt++) {
            try {
                tryRecordSent(m, r, message);
                return;
            } catch (CrmException e) {
                boolean storeFailure = e.getClass() == CrmException.class;   // not a refusal, conflict, ...
                if (!storeFailure || attempt > RECORD_RETRIES.length) {
                    LOG.warn("CRM-MAIL-007 Mailing {}: recipient {} was handed to the mail sender but could not be"
                            + " recorded as sent; a later run sends it again with message id {}", id, r.id(),
                            message.messageId());
                    throw e;
                }
                LOG.debug("CRM-MAIL-008 Mailing {}: recording recipient {} as sent failed; trying again", id, r.id());
                pauseBeforeRetry(RECORD_RETRIES[attempt - 1]);
            }
        }
    }

    private static void pauseBeforeRetry(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CrmException("Interrupted while recording a sent message");
        }
    }

    private void tryRecordSent(MailingRecord m, RecipientRecord r, MailMessage message) {
        Instant now = rt.now();
        try {
            rt.store().inTransaction(tx -> {
                Long activityId = null;
                List<DomainEvent> events = new ArrayList<>(1);
                if (r.contactId() != null) {
                    ActivityRecord activity = tx.store(ActivityStore.class).insert(new ActivityRecord(0, 0, ActivityType.EMAIL, null,
                            ActivityStatus.DONE, r.customerId(), r.customerOwnerId(), Set.of(), Set.of(r.contactId()),
                            now, Duration.ZERO, Assert.abbreviate("Mailing '" + m.name() + "' (" + m.id() + "): "
                                    + message.subject(), ActivityRecord.MAX_OUTCOME), null, null, actor.id(), now, now, now));
                    activityId = activity.id();
                    Map<String, String> data = new LinkedHashMap<>();
                    data.put("type", ActivityType.EMAIL.name());
                    data.put("status", ActivityStatus.DONE.name());
                    data.put("owner", activity.ownerId());
                    data.put("mailing", Long.toString(m.id()));
                    data.put("messageId", message.messageId());
                    events.add(rt.event(actor, EventTypes.ACTIVITY_LOGGED, "activity", activity.id(), r.customerId(),
                            now, data));
                }
                if (!tx.store(MailingStore.class).markSent(r.id(), token, now, activityId)) {
                    throw new ConflictException("recipient " + r.id() + " of mailing " + id
                            + " was taken over by another run");
                }
                tx.store(EventStore.class).append(events);
                return null;
            });
        } catch (ConflictException e) {
            LOG.warn("CRM-MAIL-005 Mailing {}: recipient {} was sent but taken over by another run before it was"
                    + " recorded; that run sends it again with message id {}", id, r.id(), message.messageId());
        }
    }

    private DomainEvent progressEvent(String phase, MailingReport report) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("phase", phase);
        data.put("audience", Long.toString(report.audience()));
        data.put("sent", Long.toString(report.sent()));
        data.put("skipped", Long.toString(report.skippedTotal()));
        data.put("pending", Long.toString(report.pending()));
        data.put("failed", Long.toString(report.failed()));
        return event(EventTypes.MAILING_PROGRESS, rt.now(), data);
    }

    private DomainEvent event(String type, Instant now, Map<String, String> data) {
        return rt.event(actor, type, "mailing", id, null, now, data);
    }

}
