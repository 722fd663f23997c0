package org.crm4j.internal.sync;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.crm4j.ConflictException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityId;
import org.crm4j.activity.NewActivity;
import org.crm4j.activity.store.ActivityRecord;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.Note;
import org.crm4j.customer.store.NoteRecord;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.activity.ActivityService;
import org.crm4j.internal.customer.CustomerService;
import org.crm4j.store.ActivityStore;
import org.crm4j.store.ClientChangeStore;
import org.crm4j.store.ClientChangeStore.ClientChange;
import org.crm4j.store.NoteStore;
import org.crm4j.store.StoreTransaction;
import org.crm4j.sync.PointOfSale;
import org.crm4j.sync.SyncOutcome;
import org.crm4j.sync.Synced;

/**
 * A point of sale's changes, each received once by its id: the change and the record of its id
 * commit together, so a change sent again finds its id and changes nothing.
 */
public final class PointOfSaleService implements PointOfSale {
    private static final String NOTE = "note";
    private static final String ACTIVITY = "activity";
    private static final String COMPLETION = "completion";

    private final Runtime rt;
    private final Actor actor;
    private final CustomerService customers;
    private final ActivityService activities;

    /**
     * @param rt the runtime
     * @param actor the point of sale's staff member
     */
    public PointOfSaleService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
        this.customers = new CustomerService(rt, actor);
        this.activities = new ActivityService(rt, actor);
    }

    @Override
    public Synced<Note> note(UUID clientId, CustomerId customer, String text) {
        Assert.notNull(clientId, "clientId");
        Assert.notNull(customer, "customer");
        String clean = CustomerService.checkedNote(text);
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            Optional<ClientChange> known = received(tx, clientId, NOTE);
            if (known.isPresent()) {
                // the note is shown again only to whoever may read the customer's notes (a client id
                // sent by another actor must not read what it names)
                NoteRecord kept = tx.store(NoteStore.class).find(known.get().recordId()).orElseThrow();
                CustomerService.openableCustomer(tx, rt.access().visibilityOf(actor), actor, kept.customerId(),
                        "read the notes of");
                return new Synced<>(CustomerService.toNote(kept), SyncOutcome.ALREADY_RECEIVED, null);
            }
            NoteRecord note = customers.addNoteWithin(tx, customer.value(), clean, now);
            remember(tx, clientId, NOTE, note.id(), now);
            return new Synced<>(CustomerService.toNote(note), SyncOutcome.CREATED, null);
        });
    }

    @Override
    public Synced<Activity> activity(UUID clientId, NewActivity activity) {
        Assert.notNull(clientId, "clientId");
        Assert.notNull(activity, "activity");
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            Optional<ClientChange> known = received(tx, clientId, ACTIVITY);
            if (known.isPresent()) {
                return new Synced<>(Activity.fromRecord(activities.visible(tx, known.get().recordId())),
                        SyncOutcome.ALREADY_RECEIVED, null);
            }
            ActivityRecord logged = activities.logWithin(tx, activity, now);
            remember(tx, clientId, ACTIVITY, logged.id(), now);
            return new Synced<>(Activity.fromRecord(logged), SyncOutcome.CREATED, null);
        });
    }

    /*
     * The central version wins: a completion based on an older version is not applied, and what the
     * point of sale wrote is kept as a note on the customer.
     */
    @Override
    public Synced<Activity> complete(UUID clientId, ActivityId activity, long readVersion, String outcome) {
        Assert.notNull(clientId, "clientId");
        Assert.notNull(activity, "activity");
        if (outcome == null || outcome.isBlank()) {
            throw new ValidationException("outcome", "NotBlank", "say how the activity went");
        }
        String text = outcome.strip();
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            Optional<ClientChange> known = received(tx, clientId, COMPLETION);
            ActivityRecord current = activities.visible(tx, activity.value());
            if (known.isPresent()) {
                return new Synced<>(Activity.fromRecord(current), SyncOutcome.ALREADY_RECEIVED, null);
            }
            if (current.version() == readVersion && current.status() == org.crm4j.activity.ActivityStatus.PLANNED) {
                ActivityRecord done = activities.completeWithin(tx, current, text, now);
                remember(tx, clientId, COMPLETION, done.id(), now);
                return new Synced<>(Activity.fromRecord(done), SyncOutcome.APPLIED, null);
            }
            NoteRecord kept = customers.addNoteWithin(tx, current.customerId(), CustomerService.checkedNote(
                    "Offline change not applied: completing " + current.type().name().toLowerCase()
                            + " " + current.id() + " (read at version " + readVersion + ", changed since to version "
                            + current.version() + "): " + text), now);
            remember(tx, clientId, COMPLETION, current.id(), now);
            return new Synced<>(Activity.fromRecord(current), SyncOutcome.CONFLICT, CustomerService.toNote(kept));
        });
    }

    private static Optional<ClientChange> received(StoreTransaction tx, UUID clientId, String kind) {
        Optional<ClientChange> known = tx.store(ClientChangeStore.class).find(clientId);
        if (known.isPresent() && !known.get().kind().equals(kind)) {
            throw new ConflictException("The id " + clientId + " was sent before for a change of another kind ("
                    + known.get().kind() + ")");
        }
        return known;
    }

    private void remember(StoreTransaction tx, UUID clientId, String kind, long recordId, Instant now) {
        tx.store(ClientChangeStore.class).remember(new ClientChange(clientId, kind, recordId, actor.id(), now));
    }
}
