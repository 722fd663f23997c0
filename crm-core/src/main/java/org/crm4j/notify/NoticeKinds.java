package org.crm4j.notify;

/**
 * The kinds of notices crm4j creates itself, each with a built-in template (overridable with
 * {@code Crm.Builder.noticeTemplate(kind, template)}) and the values it is rendered with. Every
 * kind also has {@code recipient} (the user id) and {@code recipientName}.
 */
public final class NoticeKinds {
    /**
     * A planned activity's reminder is due; to its owner and colleagues. Values: {@code activity},
     * {@code type} (e.g. {@code MEETING}), {@code startsAt} (ISO-8601), {@code remindAt},
     * {@code customer} (id), {@code customerName}, {@code owner}.
     */
    public static final String REMINDER = "reminder";
    /**
     * A customer's contract with a competitor ends soon; to the customer's owner. Values:
     * {@code contract}, {@code customer}, {@code customerName}, {@code supplier}, {@code product}
     * (empty when none), {@code endsOn} (ISO-8601 date), {@code daysLeft}, {@code note} (empty
     * when none).
     */
    public static final String COMPETITOR_CONTRACT = "competitor-contract";
    /**
     * Time to start renewal talks for a service with an end (R15), a configured number of days before
     * the last day notice can be given; once per service and term, to the customer's owner. Values:
     * {@code service}, {@code customer}, {@code customerName}, {@code product}, {@code productName},
     * {@code endsOn}, {@code noticeBy} (ISO-8601 dates), {@code daysToNoticeBy}, {@code autoRenew}
     * ({@code true} or {@code false}).
     */
    public static final String SERVICE_RENEWAL = "service-renewal";
    /**
     * A deal stalled ({@code opportunity.stalled}); to the deal's owner. Values:
     * {@code opportunity}, {@code title}, {@code stage}, {@code reasons}, {@code idleDays},
     * {@code lastActivityAt}, {@code expectedClose}, {@code customer}.
     */
    public static final String OPPORTUNITY_STALLED = "opportunity-stalled";
    /**
     * A customer request is overdue ({@code request.overdue}); to the event's recipient. Values:
     * {@code request}, {@code level}, {@code due}, {@code customer} (empty when none).
     */
    public static final String REQUEST_OVERDUE = "request-overdue";

    private NoticeKinds() {
    }
}
