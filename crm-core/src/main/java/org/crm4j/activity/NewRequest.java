package org.crm4j.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.CustomerId;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.activity.store.RequestRecord;

/**
 * What logs one customer request; pass it to {@link Requests#log}, or wrapped in an
 * {@link InboundRequest} to {@link Requests#receive}. Without an owner the customer's owner
 * answers it; without a time of arrival it came in when it is logged.
 *
 * <pre>{@code
 * Request r = crm.as(sam).requests().log(NewRequest.complaint(acme.id(), "Invoice 4711 is twice the offer")
 *         .from(bill.id()).text("Dear Sam, ...").concerns(ExternalRef.of("SAP", "INV-4711")));
 * }</pre>
 */
public final class NewRequest {
    /** The longest subject. */
    public static final int MAX_SUBJECT = 200;

    private final CustomerId customerId;
    private final RequestKind kind;
    private final String subject;
    private String text;
    private ContactId contactId;
    private String ownerId;
    private Instant receivedAt;
    private ExternalRef concerns;

    private NewRequest(RequestKind kind, CustomerId customerId, String subject) {
        this.kind = ValidationException.requireNonNull(kind, "kind");
        this.customerId = ValidationException.requireNonNull(customerId, "customerId");
        this.subject = subject == null ? null : subject.strip();
    }

    /**
     * @param kind question, complaint or service request
     * @param customer the customer who asks
     * @param subject what it is about, in a line of up to 200 characters
     * @return the request
     */
    public static NewRequest of(RequestKind kind, CustomerId customer, String subject) {
        return new NewRequest(kind, customer, subject);
    }

    /**
     * @param customer the customer who asks
     * @param subject what it is about
     * @return a question
     */
    public static NewRequest question(CustomerId customer, String subject) {
        return new NewRequest(RequestKind.QUESTION, customer, subject);
    }

    /**
     * @param customer the customer who complains
     * @param subject what it is about
     * @return a complaint
     */
    public static NewRequest complaint(CustomerId customer, String subject) {
        return new NewRequest(RequestKind.COMPLAINT, customer, subject);
    }

    /**
     * @param customer the customer who asks
     * @param subject what it is about
     * @return a service request
     */
    public static NewRequest serviceRequest(CustomerId customer, String subject) {
        return new NewRequest(RequestKind.SERVICE_REQUEST, customer, subject);
    }

    /**
     * @param body what the customer wrote, up to 4,000 characters; blank counts as none
     * @return this
     */
    public NewRequest text(String body) {
        this.text = body == null || body.isBlank() ? null : body.strip();
        return this;
    }

    /**
     * @param contact the customer's contact person who asked
     * @return this
     */
    public NewRequest from(ContactId contact) {
        this.contactId = contact;
        return this;
    }

    /**
     * @param userId who answers it; by default the customer's owner
     * @return this
     */
    public NewRequest owner(String userId) {
        this.ownerId = userId;
        return this;
    }

    /**
     * @param at when it came in, not in the future; by default when it is logged. The due time
     *     counts from it.
     * @return this
     */
    public NewRequest receivedAt(Instant at) {
        this.receivedAt = at;
        return this;
    }

    /**
     * @param serviceOrSale the service or sale it concerns, e.g. a contract or an invoice in the ERP
     * @return this
     */
    public NewRequest concerns(ExternalRef serviceOrSale) {
        this.concerns = serviceOrSale;
        return this;
    }

    /** @return the customer. Used by the runtime. */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the contact person given, or null. Used by the runtime. */
    public ContactId contactId() {
        return contactId;
    }

    /**
     * @param customersOwner the owner of the customer
     * @return who answers it: the owner given, else the customer's. Used by the runtime.
     */
    public String ownerOr(String customersOwner) {
        return ownerId == null ? customersOwner : ownerId;
    }

    /**
     * Checks what needs no store, reporting every broken rule at once. Used by the runtime.
     *
     * @param now when it is logged
     * @throws ValidationException when the subject is blank or too long, the text too long, the
     *     owner blank, or it came in after now
     */
    public void check(Instant now) {
        List<Violation> violations = new ArrayList<>();
        if (subject == null || subject.isEmpty()) {
            violations.add(new Violation("subject", "NotBlank", "say in a line what the request is about"));
        } else if (subject.length() > MAX_SUBJECT) {
            violations.add(new Violation("subject", "Size", "at most " + MAX_SUBJECT + " characters, was "
                    + subject.length()));
        }
        if (text != null && text.length() > RequestRecord.MAX_TEXT) {
            violations.add(new Violation("text", "Size", "at most " + RequestRecord.MAX_TEXT + " characters, was "
                    + text.length()));
        }
        if (ownerId != null && ownerId.isBlank()) {
            violations.add(new Violation("ownerId", "NotBlank", "name who answers it, or leave it to the customer's"
                    + " owner"));
        }
        if (receivedAt != null && receivedAt.isAfter(now)) {
            violations.add(new Violation("receivedAt", "PastOrPresent", "a request cannot come in after it is"
                    + " logged (" + receivedAt + " is after " + now + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param now when it is logged
     * @return when it came in: the time given, else now. Used by the runtime.
     */
    public Instant receivedAtOr(Instant now) {
        return receivedAt == null ? now : receivedAt;
    }

    /**
     * The activity the request is, done when it came in. Used by the runtime.
     *
     * @param owner who answers it
     * @param actorId who logs it
     * @param now when
     * @return the activity, new, with id 0
     */
    public ActivityRecord toActivity(String owner, String actorId, Instant now) {
        return new ActivityRecord(0, 0, ActivityType.REQUEST, null, ActivityStatus.DONE, customerId.value(), owner,
                Set.of(), contactId == null ? Set.of() : Set.of(contactId.value()), receivedAtOr(now), Duration.ZERO,
                subject, null, null, actorId, now, now, now);
    }

    /**
     * The request's own state, open. Used by the runtime.
     *
     * @param sourceSystem the system it came in from, or null
     * @param sourceId its id there, or null
     * @param dueAt when it must be answered by
     * @param escalateAt when it goes to the owner's superior if still open
     * @param now when it is logged
     * @return the state, new, with activity id 0
     */
    public RequestRecord toRequest(String sourceSystem, String sourceId, Instant dueAt, Instant escalateAt,
            Instant now) {
        return new RequestRecord(0, 0, kind, RequestStatus.OPEN, text, sourceSystem, sourceId, concerns, dueAt,
                escalateAt, 0, null, null, null, null, null, now);
    }
}
