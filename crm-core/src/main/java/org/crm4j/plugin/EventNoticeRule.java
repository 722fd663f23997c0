package org.crm4j.plugin;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.crm4j.event.DomainEvent;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.NoticeTemplate;

/**
 * Turns domain events of one type into notices: crm4j turns {@code opportunity.stalled} into a
 * notice to the deal's owner and {@code request.overdue} into one to the event's
 * {@code recipient}. Applied when the outbox is delivered ({@code Crm.deliverEvents()}, which
 * {@code Crm.runDueWork()} runs); as delivery is at least once, the notices' keys must follow from
 * the event (e.g. its aggregate and time), so that a second delivery creates nothing new.
 * Registered on the builder or by a plugin.
 */
public interface EventNoticeRule {

    /** @return the event type it reads, e.g. {@code request.overdue} */
    String eventType();

    /** @return the kind of the notices it yields, which names their template */
    String kind();

    /** @return the names of the values every notice of it has, as {@link NoticeRule#placeholders()} */
    Set<String> placeholders();

    /** @return the kind's template, or null for crm4j's built-in one */
    default NoticeTemplate defaultTemplate() {
        return null;
    }

    /**
     * @param event an event of {@link #eventType()}
     * @return the notices it causes, to employees
     */
    List<DueNotice> notices(DomainEvent event);

    /**
     * @param eventType the event type
     * @param kind the kind of the notices
     * @param placeholders the values every notice has
     * @param notices from an event to its notices
     * @return the rule
     */
    static EventNoticeRule of(String eventType, String kind, Set<String> placeholders,
            Function<DomainEvent, List<DueNotice>> notices) {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(kind, "kind");
        Set<String> names = Set.copyOf(placeholders);
        Objects.requireNonNull(notices, "notices");
        return new EventNoticeRule() {
            @Override
            public String eventType() {
                return eventType;
            }

            @Override
            public String kind() {
                return kind;
            }

            @Override
            public Set<String> placeholders() {
                return names;
            }

            @Override
            public List<DueNotice> notices(DomainEvent event) {
                return notices.apply(event);
            }
        };
    }
}
