package org.crm4j.customer;

import java.util.List;
import org.crm4j.event.DomainEvent;

/**
 * Everything about a customer in one call (R2): the customer with its external references,
 * its contact persons, the latest notes and the latest history entries, read in a bounded
 * number of statements whatever the history's size.
 *
 * @param customer the customer
 * @param contacts its contact persons, primary first
 * @param latestNotes the newest notes first
 * @param latestHistory the newest events about the customer first
 */
public record CustomerCard(Customer customer, List<ContactPerson> contacts, List<Note> latestNotes,
        List<DomainEvent> latestHistory) {

    /** Copies the lists. */
    public CustomerCard {
        contacts = List.copyOf(contacts);
        latestNotes = List.copyOf(latestNotes);
        latestHistory = List.copyOf(latestHistory);
    }
}
