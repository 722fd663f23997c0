package org.crm4j.event;

/**
 * The types of the domain events crm4j raises.
 *
 * <p>Events about a deal name it, so that need-to-know (R28) can keep them from those who may see
 * the customer but not the deal (see {@link DomainEvent#opportunityId()}): the
 * {@code opportunity.*} events have aggregate type {@code opportunity} and the deal's id as
 * aggregate id; events of records belonging to a deal ({@code offer.*}, {@code order.placed})
 * carry the deal's id in the data entry {@code opportunity}. An event type added for a record of
 * a deal must follow this convention; no other event may use the {@code opportunity} data key.
 */
public final class EventTypes {
    /** A customer was created; data: {@code name}, {@code owner}. */
    public static final String CUSTOMER_CREATED = "customer.created";
    /** Fields of a customer changed; data: {@code fields} (comma-separated names). */
    public static final String CUSTOMER_UPDATED = "customer.updated";
    /** A customer was archived. */
    public static final String CUSTOMER_ARCHIVED = "customer.archived";
    /** An archived customer was made active again. */
    public static final String CUSTOMER_REACTIVATED = "customer.reactivated";
    /** A customer got a new owner; data: {@code from}, {@code to}. */
    public static final String CUSTOMER_OWNER_CHANGED = "customer.owner-changed";
    /** A contact person was added; data: {@code name}. */
    public static final String CONTACT_ADDED = "contact.added";
    /** A contact person changed; data: {@code fields}. */
    public static final String CONTACT_UPDATED = "contact.updated";
    /** A note was recorded; data: {@code note}. */
    public static final String NOTE_ADDED = "note.added";

    /** A pipeline was defined; data: {@code name}. */
    public static final String PIPELINE_DEFINED = "pipeline.defined";
    /** A pipeline's stages changed; data: {@code change} (added, retired, removed), {@code stage}. */
    public static final String PIPELINE_CHANGED = "pipeline.changed";

    /** A deal was opened; data: {@code title}, {@code stage}, {@code owner}. */
    public static final String OPPORTUNITY_OPENED = "opportunity.opened";
    /** A deal moved to another open stage; data: {@code from}, {@code to}. */
    public static final String OPPORTUNITY_STAGE_CHANGED = "opportunity.stage-changed";
    /** A deal was won; data: {@code stage}, {@code reason}. */
    public static final String OPPORTUNITY_WON = "opportunity.won";
    /** A deal was lost; data: {@code stage}, {@code reason}, {@code lostTo} when known. */
    public static final String OPPORTUNITY_LOST = "opportunity.lost";
    /** A won or lost deal was reopened; data: {@code stage}, {@code why}. */
    public static final String OPPORTUNITY_REOPENED = "opportunity.reopened";
    /** Fields of a deal changed; data: {@code fields}. */
    public static final String OPPORTUNITY_UPDATED = "opportunity.updated";

    /**
     * An open deal stalled (R25), raised once per stall by {@code Crm.detectStalledDeals}; its
     * actor is {@code crm4j}. Data: {@code reasons} (comma-separated {@code IDLE}, {@code OVERDUE}),
     * {@code idleDays} (whole days since the last activity), {@code lastActivityAt} (an ISO-8601
     * instant), {@code expectedClose} (an ISO-8601 date), {@code stage}, {@code owner},
     * {@code title}. Raised again when the deal stalls anew: idle after newer activity, or overdue
     * with another expected close date.
     */
    public static final String OPPORTUNITY_STALLED = "opportunity.stalled";

    /** An offer was drafted for a deal; data: {@code opportunity}, {@code number}, {@code revises} when revised. */
    public static final String OFFER_DRAFTED = "offer.drafted";
    /** A draft offer's lines, validity or terms changed; data: {@code opportunity}, {@code number}, {@code fields}. */
    public static final String OFFER_UPDATED = "offer.updated";
    /** An offer was sent to the customer; data: {@code opportunity}, {@code number}, {@code net}, {@code gross}, {@code currency}, {@code validUntil}. */
    public static final String OFFER_SENT = "offer.sent";
    /** The customer accepted an offer; data as {@link #OFFER_SENT}, and {@code note} when given. */
    public static final String OFFER_ACCEPTED = "offer.accepted";
    /** The customer declined an offer; data: {@code opportunity}, {@code number}, {@code reason}. */
    public static final String OFFER_REJECTED = "offer.rejected";
    /** A sent offer was not decided while valid; data: {@code opportunity}, {@code number}, {@code validUntil}. */
    public static final String OFFER_EXPIRED = "offer.expired";
    /** An accepted offer became a sales order for the ERP; data: {@code offer}, {@code opportunity}, {@code net}, {@code tax}, {@code gross}, {@code currency}. */
    public static final String ORDER_PLACED = "order.placed";

    /** A campaign was defined; data: {@code name}, {@code owner}, {@code goal}. */
    public static final String CAMPAIGN_DEFINED = "campaign.defined";
    /** Fields or costs of a campaign changed; data: {@code fields}. */
    public static final String CAMPAIGN_UPDATED = "campaign.updated";
    /** A planned campaign was started; data: {@code name}. */
    public static final String CAMPAIGN_STARTED = "campaign.started";
    /** A running campaign was ended; data: {@code name}. */
    public static final String CAMPAIGN_ENDED = "campaign.ended";

    /**
     * A lead was opened; aggregate type {@code lead}, customer the lead's (none for a prospect);
     * data: {@code owner}, {@code campaign} and {@code keyword} when it has them.
     */
    public static final String LEAD_OPENED = "lead.opened";
    /**
     * A lead got its owner, when opened or handed over; the assigned salesperson is told. Data:
     * {@code owner}, {@code from} when it had another owner before, {@code campaign} when it has one.
     */
    public static final String LEAD_ASSIGNED = "lead.assigned";
    /** A new lead was contacted for the first time; data: {@code by}. */
    public static final String LEAD_CONTACTED = "lead.contacted";
    /** A lead was qualified; data: {@code owner}. */
    public static final String LEAD_QUALIFIED = "lead.qualified";
    /** A lead was disqualified; data: {@code reason}. */
    public static final String LEAD_DISQUALIFIED = "lead.disqualified";
    /**
     * A lead was converted; data: {@code deal} (the new deal's id), {@code customer} and, when the
     * conversion made the customer from a prospect, {@code newCustomer=true}.
     */
    public static final String LEAD_CONVERTED = "lead.converted";
    /**
     * An activity was logged; data: {@code type}, {@code status}, {@code owner}, and
     * {@code opportunity} or {@code lead} when it belongs to one.
     */
    public static final String ACTIVITY_LOGGED = "activity.logged";
    /** A planned activity was completed; data: {@code type}, {@code owner}. */
    public static final String ACTIVITY_COMPLETED = "activity.completed";
    /**
     * A salesperson's first call or first meeting with a customer was entered in the first-contact
     * ledger (R9); data: {@code kind} ({@code CALL} or {@code MEETING}), {@code salesperson},
     * {@code contact}, {@code activity}.
     */
    public static final String FIRST_CONTACT_RECORDED = "first-contact.recorded";

    /** A contact granted consent for a purpose; data: {@code purpose}, {@code source}, {@code at}. */
    public static final String CONSENT_GRANTED = "consent.granted";
    /** A contact withdrew consent for a purpose; data: {@code purpose}, {@code source}. */
    public static final String CONSENT_WITHDRAWN = "consent.withdrawn";
    /** A contact unsubscribed from every mailing; data: {@code source}. */
    public static final String CONTACT_UNSUBSCRIBED = "contact.unsubscribed";
    /** A contact's unsubscription was lifted; data: {@code source}. */
    public static final String CONTACT_RESUBSCRIBED = "contact.resubscribed";
    /** A mailing was created as a draft; data: {@code name}, {@code audience}, {@code purpose}. */
    public static final String MAILING_CREATED = "mailing.created";
    /** A draft mailing's content was replaced; data: {@code name}. */
    public static final String MAILING_UPDATED = "mailing.updated";
    /** Sending a mailing started (it left the draft status); data: {@code name}. */
    public static final String MAILING_STARTED = "mailing.started";
    /**
     * A batch of a mailing was done; data: {@code phase} ({@code audience} or {@code send}),
     * {@code audience}, {@code sent}, {@code skipped}, {@code pending}, {@code failed}.
     */
    public static final String MAILING_PROGRESS = "mailing.progress";
    /** The mail sender failed and the mailing was paused; data: {@code error}, {@code sent}. */
    public static final String MAILING_PAUSED = "mailing.paused";
    /**
     * Every recipient of a mailing was sent to or skipped; data: {@code audience}, {@code sent},
     * {@code skipped}, and per reason {@code skipped.<REASON>}.
     */
    public static final String MAILING_COMPLETED = "mailing.completed";
    /**
     * A planned activity's reminder was set or moved; aggregate type {@code activity}; data:
     * {@code remindAt} (an ISO-8601 instant), {@code owner}.
     */
    public static final String ACTIVITY_REMINDER_SET = "activity.reminder-set";
    /**
     * A customer's contract with a competitor was recorded; aggregate type
     * {@code competitor-contract}; data: {@code supplier}, {@code product} when known, {@code endsOn}.
     */
    public static final String COMPETITOR_CONTRACT_ADDED = "competitor-contract.added";
    /** A contract with a competitor was removed; data as {@link #COMPETITOR_CONTRACT_ADDED}. */
    public static final String COMPETITOR_CONTRACT_REMOVED = "competitor-contract.removed";
    /**
     * A notice was delivered to its recipient through one channel (R15); aggregate type
     * {@code notice}, no customer (a notice is the recipient's, not part of the customer's
     * history); actor {@code crm4j}. Data: {@code key}, {@code kind}, {@code recipient},
     * {@code channel}.
     */
    public static final String NOTICE_SENT = "notice.sent";
    /*
     * Events about a request (R7) have aggregate type request and the request's id (its
     * activity's) as aggregate id, and name the activity in the data entry activity, so that
     * need-to-know shows them only to who may see the request (DomainEvent.activityId()).
     */

    /**
     * A request was logged or received; its activity is announced by this event alone (no
     * {@link #ACTIVITY_LOGGED}). Data: {@code activity}, {@code kind} ({@code QUESTION},
     * {@code COMPLAINT}, {@code SERVICE_REQUEST}), {@code owner}, {@code subject}, {@code due} (an
     * ISO-8601 instant), and {@code source} ({@code system:id}) for a received one.
     */
    public static final String REQUEST_OPENED = "request.opened";
    /** A request was answered; data: {@code activity}, {@code owner}, {@code by}, {@code late} ({@code true}/{@code false}). */
    public static final String REQUEST_ANSWERED = "request.answered";
    /** An answered request was closed; data: {@code activity}, {@code owner}. */
    public static final String REQUEST_CLOSED = "request.closed";
    /** An answered or closed request was reopened; data: {@code activity}, {@code owner}, {@code reason}, {@code due}. */
    public static final String REQUEST_REOPENED = "request.reopened";
    /**
     * An open request is overdue and was escalated, raised once per level by
     * {@code Crm.escalateOverdueRequests}; its actor is {@code crm4j}. The notification engine
     * tells the {@code recipient}, so these data keys are a contract: {@code request} (its id),
     * {@code level} ({@code 1}: the owner, when its due time passed; {@code 2}: the owner's
     * superior, or the owner again at the top of the hierarchy, when one more answer period
     * passed), {@code recipient} (a user id), {@code due} (its due time, an ISO-8601 instant); and
     * {@code activity}, {@code owner}, {@code subject}.
     */
    public static final String REQUEST_OVERDUE = "request.overdue";

    /**
     * A service standard was defined or replaced (R14); aggregate type {@code service-standard},
     * no customer. Data: {@code kind} ({@code CONTACT_EVERY}, {@code ANSWER_REQUESTS_WITHIN},
     * {@code LOG_WITHIN}), {@code scope} (the rating or activity type; empty for every other
     * customer), {@code limit} (days, working days or hours).
     */
    public static final String SERVICE_STANDARD_DEFINED = "service-standard.defined";
    /** A service standard was removed; data: {@code kind}, {@code scope}. */
    public static final String SERVICE_STANDARD_REMOVED = "service-standard.removed";

    private EventTypes() {
    }

    /**
     * A document was kept on a customer (aggregate {@code document}; data: {@code origin}, {@code source},
     * {@code title}, {@code mediaType}, {@code size}).
     */
    public static final String DOCUMENT_KEPT = "document.kept";
    /** A service a customer has under contract was recorded (sales). */
    public static final String SERVICE_ADDED = "service.added";
    /** A service was renewed for another term (data: {@code endsOn}, the new last day, and {@code previousEnd}). */
    public static final String SERVICE_RENEWED = "service.renewed";
    /** A request was named as being about a service (aggregate {@code service}; data: {@code request}). */
    public static final String REQUEST_ABOUT_SERVICE = "service.request-named";
    /** An administrator defined a commission plan (aggregate {@code commission-plan}; data: {@code name}). */
    public static final String COMMISSION_PLAN_DEFINED = "commission-plan.defined";
    /** A service was cancelled, with its reason. */
    public static final String SERVICE_CANCELLED = "service.cancelled";
    /** An order, invoice or credit note came from the ERP for the first time. */
    public static final String SALES_DOCUMENT_RECEIVED = "sales-document.received";
    /**
     * The ERP acknowledged an order crm4j placed under its own reference (aggregate {@code order},
     * the order crm4j placed; data: {@code erpRef}, {@code document}).
     */
    public static final String ORDER_ACKNOWLEDGED = "order.acknowledged";
    /** The ERP sent a changed version of a sales document. */
    public static final String SALES_DOCUMENT_CHANGED = "sales-document.changed";
    /** A payment against an invoice came from the ERP for the first time. */
    public static final String PAYMENT_RECEIVED = "payment.received";
    /** The ERP sent a changed version of a payment. */
    public static final String PAYMENT_CHANGED = "payment.changed";
}
