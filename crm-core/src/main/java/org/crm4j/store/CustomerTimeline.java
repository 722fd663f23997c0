package org.crm4j.store;

import java.util.List;
import org.crm4j.customer.ActivitySummary;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.store.NoteRecord;
import org.crm4j.event.DomainEvent;

/**
 * The latest of what was written down, what happened and what was done with one customer, as a
 * store reads it for the customer card: in one statement where the store speaks SQL, however
 * long the history.
 *
 * @param notes the newest notes first
 * @param events the newest events about the customer first, in outbox order
 * @param activities the customer's activities whose owner is visible, latest start first, then
 *     highest id
 * @param documents the documents kept on the customer whose owner is visible, latest first
 */
public record CustomerTimeline(List<NoteRecord> notes, List<DomainEvent> events, List<ActivitySummary> activities,
        List<CustomerDocument> documents) {

    /** Copies the lists. */
    public CustomerTimeline {
        notes = List.copyOf(notes);
        events = List.copyOf(events);
        activities = List.copyOf(activities);
        documents = List.copyOf(documents);
    }

    /** A timeline without documents. */
    public CustomerTimeline(List<NoteRecord> notes, List<DomainEvent> events, List<ActivitySummary> activities) {
        this(notes, events, activities, List.of());
    }
}
