package org.crm4j.internal.notify;

import org.crm4j.store.ReminderStore;
import org.crm4j.store.CompetitorContractStore;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.customer.CompetitorContract;
import org.crm4j.event.DomainEvent;
import org.crm4j.event.EventTypes;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.NoticeKinds;
import org.crm4j.store.DueReminder;
import org.crm4j.store.EndingContract;
import org.crm4j.plugin.EventNoticeRule;
import org.crm4j.plugin.NoticeRule;
import org.crm4j.plugin.NoticeRuleContext;
import org.crm4j.internal.activity.Reminders;
import org.crm4j.internal.customer.CompetitorContracts;

/**
 * The notice rules crm4j ships: reminders, ends of competitors' contracts, renewals of services
 * (given by the sales feature), stalled deals, overdue requests.
 */
public final class BuiltInNotices {
    /** Raised by the requests' escalation: data {@code request}, {@code level}, {@code recipient}, {@code due}. */
    static final String REQUEST_OVERDUE = "request.overdue";
    /** How many days before its end a competitor's contract is announced, unless configured. */
    public static final int DEFAULT_COMPETITOR_DAYS = 90;

    private BuiltInNotices() {
    }

    /**
     * @param competitorDays how many days before its end a competitor's contract is announced
     * @param renewals the renewal notices of services
     * @return the rules that read the store
     */
    public static List<NoticeRule> rules(int competitorDays, NoticeRule renewals) {
        return List.of(new Reminders(), new CompetitorContracts(competitorDays), renewals);
    }

    /** @return the rules that turn events into notices */
    public static List<EventNoticeRule> eventRules() {
        return List.of(
                EventNoticeRule.of(EventTypes.OPPORTUNITY_STALLED, NoticeKinds.OPPORTUNITY_STALLED,
                        Set.of("opportunity", "title", "stage", "reasons", "idleDays", "lastActivityAt",
                                "expectedClose", "customer"), BuiltInNotices::stalled),
                EventNoticeRule.of(REQUEST_OVERDUE, NoticeKinds.REQUEST_OVERDUE,
                        Set.of("request", "level", "due", "customer"), BuiltInNotices::overdue));
    }

    /** A stalled deal: to its owner, once per announcement of the stall. */
    private static List<DueNotice> stalled(DomainEvent event) {
        String owner = event.get("owner");
        if (owner == null) {
            return List.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("opportunity", Long.toString(event.aggregateId()));
        for (String name : List.of("title", "stage", "reasons", "idleDays", "lastActivityAt", "expectedClose")) {
            values.put(name, orEmpty(event.get(name)));
        }
        values.put("customer", event.customerId() == null ? "" : event.customerId().toString());
        return List.of(new DueNotice("stalled:" + event.aggregateId() + ":" + event.occurredAt(),
                NoticeKinds.OPPORTUNITY_STALLED, owner, event.customerId(), values));
    }

    /** An overdue request: to the escalation's recipient, once per request and level. */
    private static List<DueNotice> overdue(DomainEvent event) {
        String recipient = event.get("recipient");
        if (recipient == null) {
            return List.of();
        }
        String request = event.get("request") == null ? Long.toString(event.aggregateId()) : event.get("request");
        String level = orEmpty(event.get("level"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("request", request);
        values.put("level", level);
        values.put("due", orEmpty(event.get("due")));
        values.put("customer", event.customerId() == null ? "" : event.customerId().toString());
        return List.of(new DueNotice("request-overdue:" + request + ":" + level, NoticeKinds.REQUEST_OVERDUE,
                recipient, event.customerId(), values));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    /** Reminders of planned activities: to the owner and the colleagues taking part. */
    static final class Reminders implements NoticeRule {
        @Override
        public String id() {
            return "crm4j.reminders";
        }

        @Override
        public String kind() {
            return NoticeKinds.REMINDER;
        }

        @Override
        public Set<String> placeholders() {
            return Set.of("activity", "type", "startsAt", "remindAt", "customer", "customerName", "owner");
        }

        @Override
        public List<DueNotice> due(NoticeRuleContext context) {
            List<DueNotice> due = new ArrayList<>();
            for (DueReminder reminder : context.store().store(ReminderStore.class).due(context.now(), context.limit())) {
                ActivityRecord a = reminder.activity();
                Map<String, String> values = new LinkedHashMap<>();
                values.put("activity", Long.toString(a.id()));
                values.put("type", a.type().name());
                values.put("startsAt", a.startsAt().toString());
                values.put("remindAt", reminder.remindAt().toString());
                values.put("customer", Long.toString(a.customerId()));
                values.put("customerName", reminder.customerName());
                values.put("owner", a.ownerId());
                Set<String> recipients = new LinkedHashSet<>();
                recipients.add(a.ownerId());
                recipients.addAll(new java.util.TreeSet<>(a.colleagueIds()));
                for (String recipient : recipients) {
                    due.add(new DueNotice(reminder.noticeKey(), NoticeKinds.REMINDER, recipient, a.customerId(),
                            values));
                }
            }
            return due;
        }
    }

    /** Competitors' contracts ending within N days: to the customer's owner. */
    static final class CompetitorContracts implements NoticeRule {
        private final int days;

        CompetitorContracts(int days) {
            this.days = days;
        }

        @Override
        public String id() {
            return "crm4j.competitor-contracts";
        }

        @Override
        public String kind() {
            return NoticeKinds.COMPETITOR_CONTRACT;
        }

        @Override
        public Set<String> placeholders() {
            return Set.of("contract", "customer", "customerName", "supplier", "product", "endsOn", "daysLeft", "note");
        }

        @Override
        public List<DueNotice> due(NoticeRuleContext context) {
            LocalDate today = LocalDate.ofInstant(context.now(), context.zone());
            List<DueNotice> due = new ArrayList<>();
            for (EndingContract ending : context.store().store(CompetitorContractStore.class).ending(today, today.plusDays(days),
                    context.limit())) {
                CompetitorContract c = ending.contract();
                Map<String, String> values = new LinkedHashMap<>();
                values.put("contract", c.id().toString());
                values.put("customer", c.customerId().toString());
                values.put("customerName", ending.customerName());
                values.put("supplier", c.supplier());
                values.put("product", orEmpty(c.product()));
                values.put("endsOn", c.endsOn().toString());
                values.put("daysLeft", Long.toString(ChronoUnit.DAYS.between(today, c.endsOn())));
                values.put("note", orEmpty(c.note()));
                due.add(new DueNotice(EndingContract.noticeKey(c.id().value()), NoticeKinds.COMPETITOR_CONTRACT,
                        ending.ownerId(), c.customerId().value(), values));
            }
            return due;
        }
    }
}
