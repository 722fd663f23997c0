package org.crm4j.internal.customer;

import org.crm4j.store.EventStore;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.ContactStore;
import org.crm4j.store.ConsentStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crm4j.AccessDeniedException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.customer.Consent;
import org.crm4j.customer.ConsentStatus;
import org.crm4j.customer.Consents;
import org.crm4j.customer.ContactConsents;
import org.crm4j.customer.ContactId;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.Purpose;
import org.crm4j.customer.Unsubscription;
import org.crm4j.event.EventTypes;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;

/** {@link Consents} for one actor: need-to-know is the contact's customer's. */
public final class ConsentService implements Consents {
    /** The longest source text. */
    static final int MAX_SOURCE = 200;

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the shared runtime
     * @param actor who acts
     */
    public ConsentService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public Consent grant(ContactId contactId, Purpose purpose, Instant at, String source) {
        Assert.notNull(contactId, "contactId");
        Instant now = rt.now();
        List<Violation> violations = new ArrayList<>();
        if (purpose == null) {
            violations.add(new Violation("purpose", "NotNull", "say what the consent is for"));
        }
        String clean = source(source, violations);
        if (at != null && !StoredValues.inRange(at)) {
            violations.add(StoredValues.outOfRange("at"));
        } else if (at != null && at.isAfter(now)) {
            violations.add(new Violation("at", "PastOrPresent", "a consent is recorded once given, not for "
                    + at + " (now is " + now + ")"));
        }
        failOn(violations);
        Instant when = at == null ? now : at.minusNanos(at.getNano() % 1000);
        return rt.store().inTransaction(tx -> {
            ContactRecord contact = openableContact(tx, contactId.value(), "record consents of");
            // a consent given before the contact withdrew it, recorded late, does not undo the withdrawal
            tx.store(ConsentStore.class).ofContact(contactId.value()).stream()
                    .filter(c -> c.purpose().equals(purpose) && c.status() == ConsentStatus.WITHDRAWN
                            && c.at().isAfter(when))
                    .findFirst().ifPresent(w -> {
                        throw new ValidationException("at", "AfterWithdrawal", "the contact withdrew the consent for "
                                + purpose.code() + " at " + w.at() + "; a consent given before that cannot replace it");
                    });
            Consent consent = new Consent(contactId, purpose, ConsentStatus.GRANTED, when, clean, actor.id(), now);
            tx.store(ConsentStore.class).put(consent);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("purpose", purpose.code());
            data.put("source", clean);
            data.put("at", when.toString());
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.CONSENT_GRANTED, "contact", contact.id(),
                    contact.customerId(), now, data)));
            return consent;
        });
    }

    @Override
    public Consent withdraw(ContactId contactId, Purpose purpose, String source) {
        Assert.notNull(contactId, "contactId");
        List<Violation> violations = new ArrayList<>();
        if (purpose == null) {
            violations.add(new Violation("purpose", "NotNull", "say what the consent was for"));
        }
        String clean = source(source, violations);
        failOn(violations);
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            ContactRecord contact = openableContact(tx, contactId.value(), "record consents of");
            Consent consent = new Consent(contactId, purpose, ConsentStatus.WITHDRAWN, now, clean, actor.id(), now);
            tx.store(ConsentStore.class).put(consent);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.CONSENT_WITHDRAWN, "contact", contact.id(),
                    contact.customerId(), now, Map.of("purpose", purpose.code(), "source", clean))));
            return consent;
        });
    }

    @Override
    public Unsubscription unsubscribe(ContactId contactId, String source) {
        Assert.notNull(contactId, "contactId");
        List<Violation> violations = new ArrayList<>();
        String clean = source(source, violations);
        failOn(violations);
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            ContactRecord contact = openableContact(tx, contactId.value(), "unsubscribe");
            var existing = tx.store(ConsentStore.class).unsubscription(contact.id());
            if (existing.isPresent()) {
                return existing.get();
            }
            Unsubscription u = new Unsubscription(contactId, now, clean, actor.id());
            tx.store(ConsentStore.class).unsubscribe(u);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.CONTACT_UNSUBSCRIBED, "contact", contact.id(),
                    contact.customerId(), now, Map.of("source", clean))));
            return u;
        });
    }

    @Override
    public ContactConsents resubscribe(ContactId contactId, String source) {
        Assert.notNull(contactId, "contactId");
        List<Violation> violations = new ArrayList<>();
        String clean = source(source, violations);
        failOn(violations);
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            ContactRecord contact = openableContact(tx, contactId.value(), "resubscribe");
            if (tx.store(ConsentStore.class).unsubscription(contact.id()).isPresent()) {
                tx.store(ConsentStore.class).resubscribe(contact.id());
                tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.CONTACT_RESUBSCRIBED, "contact", contact.id(),
                        contact.customerId(), now, Map.of("source", clean))));
            }
            return read(tx, contactId);
        });
    }

    @Override
    public ContactConsents of(ContactId contactId) {
        Assert.notNull(contactId, "contactId");
        return rt.store().readOnly(tx -> {
            openableContact(tx, contactId.value(), "read consents of");
            return read(tx, contactId);
        });
    }

    private static ContactConsents read(StoreTransaction tx, ContactId contactId) {
        return new ContactConsents(contactId, tx.store(ConsentStore.class).ofContact(contactId.value()),
                tx.store(ConsentStore.class).unsubscription(contactId.value()).orElse(null));
    }

    private static String source(String source, List<Violation> violations) {
        String clean = source == null ? null : source.strip();
        if (clean == null || clean.isEmpty()) {
            violations.add(new Violation("source", "NotBlank", "say where it came from, e.g. 'web form'"));
        } else if (clean.length() > MAX_SOURCE) {
            violations.add(new Violation("source", "Size", "at most " + MAX_SOURCE + " characters, was "
                    + clean.length()));
        } else if (StoredValues.broken(clean)) {
            violations.add(StoredValues.violation("source"));
        }
        return clean;
    }

    private static void failOn(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** The contact, when the actor may open its customer: need-to-know in the customer's query. */
    private ContactRecord openableContact(StoreTransaction tx, long id, String what) {
        ContactRecord contact = tx.store(ContactStore.class).find(id).orElseThrow(() -> new NotFoundException("contact", id));
        if (tx.store(CustomerStore.class).find(contact.customerId(), visibility()).isEmpty()) {
            throw new AccessDeniedException(actor.id(), what + " contact " + id);
        }
        return contact;
    }
}
