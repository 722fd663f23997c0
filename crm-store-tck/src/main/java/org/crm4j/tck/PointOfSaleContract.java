package org.crm4j.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.activity.Activity;
import org.crm4j.activity.ActivityStatus;
import org.crm4j.activity.CallDirection;
import org.crm4j.activity.NewActivity;
import org.crm4j.customer.Customer;
import org.crm4j.customer.Note;
import org.crm4j.event.DomainEvent;
import org.crm4j.sync.SyncOutcome;
import org.crm4j.sync.Synced;
import org.junit.jupiter.api.Test;

/**
 * A point of sale that worked offline sends its notes and activities back under ids of its own: a
 * change sent twice counts once, and a change to a record that changed centrally since follows the
 * stated rule (the central version wins; what the point of sale wrote is kept as a note).
 */
public abstract class PointOfSaleContract extends ContractBase {

    private long eventsOfType(String type) {
        crm.deliverEvents();
        return delivered.stream().map(DomainEvent::type).filter(type::equals).count();
    }

    @Test
    void aNoteAndAnActivitySentTwice_countOnce() {
        Customer acme = companyOf(SAM, "ACME");
        UUID noteId = UUID.randomUUID();
        UUID callId = UUID.randomUUID();
        NewActivity call = NewActivity.call(acme.id(), CallDirection.INBOUND)
                .at(Instant.parse("2026-03-01T10:00:00Z"), Duration.ofMinutes(10)).outcome("asked for a quote");

        Synced<Note> first = as(SAM).pointOfSale().note(noteId, acme.id(), "wants the spring catalogue");
        Synced<Note> again = as(SAM).pointOfSale().note(noteId, acme.id(), "wants the spring catalogue");
        Synced<Activity> logged = as(SAM).pointOfSale().activity(callId, call);
        Synced<Activity> loggedAgain = as(SAM).pointOfSale().activity(callId, call);

        assertThat(first.outcome()).isEqualTo(SyncOutcome.CREATED);
        assertThat(again.outcome()).isEqualTo(SyncOutcome.ALREADY_RECEIVED);
        assertThat(again.value().id()).isEqualTo(first.value().id());
        assertThat(logged.outcome()).isEqualTo(SyncOutcome.CREATED);
        assertThat(loggedAgain.outcome()).isEqualTo(SyncOutcome.ALREADY_RECEIVED);
        assertThat(loggedAgain.value().id()).isEqualTo(logged.value().id());
        assertThat(customersOf(SAM).card(acme.id()).latestNotes()).extracting(Note::text)
                .containsExactly("wants the spring catalogue");
        assertThat(customersOf(SAM).card(acme.id()).latestActivities()).hasSize(1);
        assertThat(eventsOfType("note.added")).isEqualTo(1);
        // an id names one change: sent for another kind of change, it is refused
        assertThatThrownBy(() -> as(SAM).pointOfSale().activity(noteId, call)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aCompletionOfTheVersionRead_isApplied_andOneBasedOnAnOlderVersionIsKeptAsANote() {
        Customer acme = companyOf(SAM, "ACME");
        Activity visit = as(SAM).activities().log(NewActivity.meeting(acme.id()).planned()
                .at(Instant.parse("2026-03-10T09:00:00Z"), Duration.ofHours(1)));
        Activity task = as(SAM).activities().log(NewActivity.meeting(acme.id()).planned()
                .at(Instant.parse("2026-03-11T09:00:00Z"), Duration.ofHours(1)));

        // the version the point of sale read: applied, once
        UUID done = UUID.randomUUID();
        Synced<Activity> applied = as(SAM).pointOfSale().complete(done, visit.id(), visit.version(), "signed");
        assertThat(applied.outcome()).isEqualTo(SyncOutcome.APPLIED);
        assertThat(applied.value().status()).isEqualTo(ActivityStatus.DONE);
        assertThat(as(SAM).pointOfSale().complete(done, visit.id(), visit.version(), "signed").outcome())
                .isEqualTo(SyncOutcome.ALREADY_RECEIVED);

        // meanwhile the office completed the other one: the point of sale's older completion loses
        as(MIA).activities().complete(task.id(), "moved to the trade fair");
        UUID late = UUID.randomUUID();
        Synced<Activity> conflict = as(SAM).pointOfSale().complete(late, task.id(), task.version(), "customer absent");
        assertThat(conflict.outcome()).isEqualTo(SyncOutcome.CONFLICT);
        assertThat(conflict.value().outcome()).contains("moved to the trade fair");
        assertThat(conflict.conflictNote()).hasValueSatisfying(n -> assertThat(n.text())
                .startsWith("Offline change not applied").endsWith("customer absent"));
        assertThat(as(SAM).activities().get(task.id()).outcome()).contains("moved to the trade fair");
        assertThat(as(SAM).pointOfSale().complete(late, task.id(), task.version(), "customer absent").outcome())
                .isEqualTo(SyncOutcome.ALREADY_RECEIVED);
        assertThat(customersOf(SAM).card(acme.id()).latestNotes()).hasSize(1);
    }

    @Test
    void aPointOfSaleChangesOnlyWhatItsStaffMayChange_andARefusedChangeIsNotRemembered() {
        Customer acme = companyOf(SAM, "ACME");
        UUID id = UUID.randomUUID();

        assertThatThrownBy(() -> as(OTTO).pointOfSale().note(id, acme.id(), "not mine"))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(as(SAM).pointOfSale().note(id, acme.id(), "mine").outcome()).isEqualTo(SyncOutcome.CREATED);
    }
}
