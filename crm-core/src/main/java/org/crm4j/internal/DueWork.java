package org.crm4j.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.crm4j.ConflictException;
import org.crm4j.activity.EscalationReport;
import org.crm4j.event.DeliveryReport;
import org.crm4j.notify.DueWorkReport;
import org.crm4j.pipeline.StallCriteria;
import org.crm4j.pipeline.StallReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.activity.RequestEscalation;
import org.crm4j.internal.event.EventDelivery;
import org.crm4j.internal.notify.NotificationEngine;
import org.crm4j.internal.pipeline.StallDetection;

/**
 * The due work of one run, in this order: the notice rules (reminders, competitors' contracts,
 * plugged-in rules), the escalation of overdue requests, the stalled-deal detection (when criteria
 * are configured), the delivery of the outbox (so that events make their notices), and the
 * delivery of the pending notices. Safe to run at the same time in several threads and on several
 * nodes: notices are made once and delivered once.
 */
public final class DueWork {
    /** The step that asks the notice rules. */
    public static final String STEP_RULES = "notice-rules";
    /** The step that escalates overdue requests. */
    public static final String STEP_ESCALATION = "escalation";
    /** The step that detects stalled deals. */
    public static final String STEP_STALLS = "stall-detection";
    /** The step that delivers the outbox. */
    public static final String STEP_EVENTS = "event-delivery";
    /** The step that delivers the notices. */
    public static final String STEP_NOTICES = "notice-delivery";
    private static final Logger LOG = LoggerFactory.getLogger(DueWork.class);

    private final NotificationEngine engine;
    private final RequestEscalation escalation;
    private final StallDetection stalls;
    private final StallCriteria stallCriteria;
    private final EventDelivery delivery;

    /**
     * @param engine notices
     * @param escalation the escalation of overdue customer requests
     * @param stalls the stalled-deal detection
     * @param stallCriteria what counts as stalled, or null to skip the detection
     * @param delivery the outbox's delivery
     */
    public DueWork(NotificationEngine engine, RequestEscalation escalation, StallDetection stalls,
            StallCriteria stallCriteria, EventDelivery delivery) {
        this.engine = engine;
        this.escalation = escalation;
        this.stalls = stalls;
        this.stallCriteria = stallCriteria;
        this.delivery = delivery;
    }

    /**
     * Runs every step, each under its own guard: a step that throws anything (a plugin's
     * {@code Error} included) is logged with its stack trace as {@code CRM-DUE-001}, named in the
     * report, and the later steps run as planned. Only a {@link VirtualMachineError} (e.g. out of
     * memory) ends the run.
     *
     * @return what the run did
     */
    public DueWorkReport run() {
        NotificationEngine.Tally tally = new NotificationEngine.Tally();
        List<String> failed = new ArrayList<>();
        guard(STEP_RULES, failed, () -> {
            if (!engine.runRules(tally)) {
                failed.add(STEP_RULES);   // the other rules ran
            }
        });
        EscalationReport[] escalations = {new EscalationReport(0, false)};
        guard(STEP_ESCALATION, failed, () -> escalations[0] = escalateOverdueRequests());
        StallReport[] stallReport = {null};
        if (stallCriteria != null) {
            guard(STEP_STALLS, failed, () -> {
                try {
                    stallReport[0] = stalls.detect(stallCriteria);
                } catch (ConflictException e) {
                    LOG.debug("Stalled deals were detected by another node at the same time; skipped this time");
                    stallReport[0] = new StallReport(0, true);
                }
            });
        }
        DeliveryReport[] events = {new DeliveryReport(0, 0, 0, 0)};
        guard(STEP_EVENTS, failed, () -> engine.countingEventNotices(tally, () -> events[0] = delivery.deliver()));
        guard(STEP_NOTICES, failed, () -> engine.dispatch(tally));
        DueWorkReport report = new DueWorkReport(tally.created, tally.unaddressed, tally.failed, tally.sent,
                tally.unreachable, tally.deliveryFailures, stallReport[0], escalations[0], events[0], failed);
        if (tally.created + tally.deliveryFailures + tally.sent.size() + failed.size() > 0) {
            LOG.debug("Due work: {}", report);
        }
        return report;
    }

    private static void guard(String step, List<String> failed, Runnable work) {
        try {
            work.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            failed.add(step);
            LOG.warn("CRM-DUE-001 The due work's step '{}' failed; the other steps go on and it runs again next time",
                    step, e);
        }
    }

    /**
     * Escalates overdue customer requests (R7), each level once, raising {@code request.overdue}
     * events, which the delivery below turns into notices to their recipients (see
     * {@link org.crm4j.internal.notify.BuiltInNotices}). Runs until none remain, so a backlog is worked off in one run.
     */
    private EscalationReport escalateOverdueRequests() {
        int escalated = 0;
        EscalationReport batch;
        do {
            try {
                batch = escalation.escalate();
            } catch (ConflictException e) {
                LOG.debug("Overdue requests were escalated by another node at the same time; skipped this time");
                return new EscalationReport(escalated, true);
            }
            escalated += batch.escalated();
        } while (batch.more() && batch.escalated() > 0);
        return new EscalationReport(escalated, batch.more());
    }

    /**
     * Runs the due work every period on one daemon thread, until closed. A run that fails anyway
     * (with anything, an {@code Error} included: the executor would otherwise stop the schedule
     * for good) is logged with its stack trace ({@code CRM-NTF-005}) and the next one runs as
     * planned.
     */
    public static final class Scheduler implements AutoCloseable {
        private final ScheduledExecutorService executor;
        /** The executor's one thread, so that closing can wait until it has ended. */
        private final AtomicReference<Thread> thread = new AtomicReference<>();

        /**
         * @param work the due work
         * @param every the pause between the end of one run and the start of the next
         */
        public Scheduler(DueWork work, Duration every) {
            this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "crm4j-due-work");
                t.setDaemon(true);
                thread.set(t);
                return t;
            });
            long millis = Math.max(1, every.toMillis());
            executor.scheduleWithFixedDelay(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    LOG.warn("CRM-NTF-005 A scheduled run of the due work failed; the next runs in {}", every, e);
                }
            }, millis, millis, TimeUnit.MILLISECONDS);
        }

        /** Stops the thread, waiting a few seconds for a run in progress and for the thread to end. */
        @Override
        public void close() {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
                // the executor counts as terminated a moment before its thread has ended
                Thread t = thread.get();
                if (t != null) {
                    t.join(TimeUnit.SECONDS.toMillis(5));
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
