package org.crm4j.plugin;

import java.util.List;
import java.util.Set;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.NoticeTemplate;

/**
 * A rule that finds due notices in the store (R15), asked on every {@code Crm.runDueWork()}: the
 * reminders and the ends of competitors' contracts are rules, and so is, say, a renewal rule for
 * services ending soon. A rule may yield the same notice (same key and recipient) on every run;
 * it is created once. Registered on the builder, by a plugin or found with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/org.crm4j.plugin.NoticeRule}.
 *
 * <p>Notices go to employees only: a recipient is a user id of the directory; a recipient the
 * directory does not know gets nothing.
 */
public interface NoticeRule {

    /** @return a unique id, e.g. {@code com.example.service-renewal} */
    String id();

    /** @return the kind of the notices it yields, which names their template */
    String kind();

    /**
     * @return the names of the values every notice of this kind has (besides {@code recipient} and
     *     {@code recipientName}); a template naming another placeholder is refused when the CRM is built
     */
    Set<String> placeholders();

    /**
     * @return the template of the kind, or null to use crm4j's built-in one of that kind; the host
     *     may override either with {@code Crm.Builder.noticeTemplate}
     */
    default NoticeTemplate defaultTemplate() {
        return null;
    }

    /**
     * @param context the store and the time of this run
     * @return the notices due now
     */
    List<DueNotice> due(NoticeRuleContext context);
}
