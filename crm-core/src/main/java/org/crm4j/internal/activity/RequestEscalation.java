package org.crm4j.internal.activity;

import org.crm4j.store.RequestStore;
import org.crm4j.store.EventStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.crm4j.activity.EscalationReport;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.plugin.DirectoryUser;
import org.crm4j.store.EscalationRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.pipeline.StallDetection;

/**
 * Escalates overdue requests (R7) once per level: level 1 to the owner when the due time passed,
 * level 2 to the owner's superior (the owner again at the top) when the request is still open at
 * its escalation time, one more answer period later. Each level is claimed in the store by a
 * conditional update before its {@link EventTypes#REQUEST_OVERDUE} event is written, in the same
 * transaction, so concurrent runs (in this JVM they run one after the other; on other nodes
 * they race in the database) raise each level once.
 */
public final class RequestEscalation {
    /** The most requests one run escalates. */
    static final int LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RequestEscalation.class);

    private final Runtime rt;
    private final ReentrantLock lock = new ReentrantLock();

    /** @param rt the runtime */
    public RequestEscalation(Runtime rt) {
        this.rt = rt;
    }

    /** @return how many escalations were raised and whether more remain */
    public EscalationReport escalate() {
        lock.lock();
        try {
            Instant now = rt.now();
            EscalationReport report = rt.store().inTransaction(tx -> {
                List<EscalationRow> rows = tx.store(RequestStore.class).toEscalate(now, LIMIT + 1);
                boolean more = rows.size() > LIMIT;
                List<DomainEvent> events = new ArrayList<>();
                for (EscalationRow row : more ? rows.subList(0, LIMIT) : rows) {
                    // a request found past its escalation time reaches level 2 in this run, level 1 on the way
                    int reached = row.escalateAt().isBefore(now) ? 2 : 1;
                    if (!tx.store(RequestStore.class).claimEscalation(row.id(), row.level(), reached)) {
                        continue; // another node claimed it, or it was answered meanwhile
                    }
                    for (int level = row.level() + 1; level <= reached; level++) {
                        events.add(event(row, level, now));
                    }
                }
                if (!events.isEmpty()) {
                    tx.store(EventStore.class).append(events);
                }
                return new EscalationReport(events.size(), more);
            });
            if (report.escalated() > 0) {
                LOG.debug("Escalated {} overdue requests{}", report.escalated(), report.more() ? ", more remain" : "");
            }
            return report;
        } finally {
            lock.unlock();
        }
    }

    private DomainEvent event(EscalationRow row, int level, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("request", Long.toString(row.id()));
        data.put("level", Integer.toString(level));
        data.put("recipient", recipient(row.ownerId(), level));
        data.put("due", row.dueAt().toString());
        data.put("activity", Long.toString(row.id()));
        data.put("owner", row.ownerId());
        data.put("subject", row.subject());
        return rt.event(StallDetection.SYSTEM, EventTypes.REQUEST_OVERDUE, "request", row.id(), row.customerId(), now,
                data);
    }

    /** Level 1 tells the owner; level 2 the owner's superior, or the owner again when nobody is above them. */
    private String recipient(String ownerId, int level) {
        if (level == 1) {
            return ownerId;
        }
        return rt.access().user(ownerId).map(DirectoryUser::superiorId).orElse(ownerId);
    }
}
