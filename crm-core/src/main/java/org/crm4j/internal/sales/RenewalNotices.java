package org.crm4j.internal.sales;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.notify.DueNotice;
import org.crm4j.notify.NoticeKinds;
import org.crm4j.plugin.NoticeRule;
import org.crm4j.plugin.NoticeRuleContext;
import org.crm4j.sales.store.RenewalDue;
import org.crm4j.sales.store.SalesStore;
import org.crm4j.sales.store.ServiceRecord;

/**
 * Renewal notices (R15): "time to start renewal talks for the service ending on ...", a number of
 * days before the last day on which notice can be given (the service's end less its notice days),
 * once per service and term, to the customer's owner. The number of days is CRM-wide, or the
 * product's own where the host configured one.
 */
public final class RenewalNotices implements NoticeRule {
    /** How many days before the last day for notice the talks are due, unless configured. */
    public static final int DEFAULT_DAYS = 30;

    private final int days;
    private final Map<String, Integer> perProduct;

    /**
     * @param days the CRM-wide number of days
     * @param perProduct the numbers of days of products that have their own, by product code
     */
    public RenewalNotices(int days, Map<String, Integer> perProduct) {
        this.days = days;
        this.perProduct = Map.copyOf(perProduct);
    }

    @Override
    public String id() {
        return "crm4j.service-renewals";
    }

    @Override
    public String kind() {
        return NoticeKinds.SERVICE_RENEWAL;
    }

    @Override
    public Set<String> placeholders() {
        return Set.of("service", "customer", "customerName", "product", "productName", "endsOn", "noticeBy",
                "daysToNoticeBy", "autoRenew");
    }

    @Override
    public List<DueNotice> due(NoticeRuleContext context) {
        LocalDate today = LocalDate.ofInstant(context.now(), context.zone());
        SalesStore store = context.store().store(SalesStore.class);
        List<RenewalDue> services = new ArrayList<>();
        // the products with days of their own, one by one; then all others with the CRM-wide number
        for (Map.Entry<String, Integer> product : perProduct.entrySet()) {
            services.addAll(store.renewalsDue(today, product.getValue(), Set.of(product.getKey()), false,
                    context.limit() - services.size()));
            if (services.size() >= context.limit()) {
                break;
            }
        }
        if (services.size() < context.limit()) {
            services.addAll(store.renewalsDue(today, days, perProduct.keySet(), true, context.limit() - services.size()));
        }
        List<DueNotice> due = new ArrayList<>();
        for (RenewalDue renewal : services) {
            ServiceRecord s = renewal.service();
            LocalDate noticeBy = s.endsOn().minusDays(s.noticeDays());
            Map<String, String> values = new LinkedHashMap<>();
            values.put("service", Long.toString(s.id()));
            values.put("customer", Long.toString(s.customerId()));
            values.put("customerName", renewal.customerName());
            values.put("product", s.productCode());
            values.put("productName", s.productName());
            values.put("endsOn", s.endsOn().toString());
            values.put("noticeBy", noticeBy.toString());
            values.put("daysToNoticeBy", Long.toString(ChronoUnit.DAYS.between(today, noticeBy)));
            values.put("autoRenew", Boolean.toString(s.autoRenew()));
            due.add(new DueNotice(renewal.noticeKey(), NoticeKinds.SERVICE_RENEWAL, renewal.ownerId(), s.customerId(),
                    values));
        }
        return due;
    }
}
