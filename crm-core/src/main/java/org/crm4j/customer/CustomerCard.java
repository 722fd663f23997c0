package org.crm4j.customer;

import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.event.DomainEvent;

/**
 * Everything about a customer in one call (R2): the customer with its external references,
 * its contact persons, the latest notes, the latest history entries and its deals, read in a
 * bounded number of statements whatever the history's size.
 *
 * <p>The card is opened by those who may open the customer; its deals are only those the actor
 * may see (a deal is visible to its owner, their superiors and administrators), which need not
 * be the customer's owner's. The history follows the deals: an event about a deal (see
 * {@link DomainEvent#opportunityId()}: the deal's own events, its offers' and orders') is in it
 * only when the actor may see that deal as it is owned now. The activities follow the same rule by
 * their owner: the card lists the latest {@value #ACTIVITIES} activities the actor may see, latest
 * start first, and a token for the next page when there are more. The customer's business, its
 * running services and its sales summary, counts the services and documents the actor may see
 * (those of the customer's owner's line, or sold by someone the actor covers).
 *
 * @param customer the customer
 * @param contacts its contact persons, primary first
 * @param latestNotes the newest notes first
 * @param latestHistory the newest events about the customer first, leaving out those about deals
 *     the actor may not see
 * @param opportunities the deals with the customer the actor may see, open ones first, then the
 *     newest first
 * @param latestActivities the first page of the customer's activities the actor may see: at most
 *     {@value #ACTIVITIES}, latest start first, then highest id (the order of
 *     {@code Activities.ofCustomer})
 * @param activitiesPageToken where that page ended, to pass to {@code Activities.ofCustomer} for
 *     the next page; null when there are no more
 * @param services the customer's running services the actor may see (not cancelled, and not past
 *     their end unless they renew themselves), latest start first
 * @param sales the customer's sales summary as far as the actor may see its documents: per
 *     currency, net invoiced in the last twelve months and outstanding, and the last purchase
 * @param documents the latest {@value #DOCUMENTS} documents kept on the customer that the actor
 *     may see (offers, contracts, other papers; R12), latest first, without their content
 */
public record CustomerCard(Customer customer, List<ContactPerson> contacts, List<Note> latestNotes,
        List<DomainEvent> latestHistory, List<OpportunitySummary> opportunities,
        List<ActivitySummary> latestActivities, String activitiesPageToken, List<ServiceSummary> services,
        SalesSummary sales, List<CustomerDocument> documents) {

    /** How many activities the card shows. */
    public static final int ACTIVITIES = 20;

    /** How many documents the card lists. */
    public static final int DOCUMENTS = 20;

    /** Copies the lists. */
    public CustomerCard {
        contacts = List.copyOf(contacts);
        latestNotes = List.copyOf(latestNotes);
        latestHistory = List.copyOf(latestHistory);
        opportunities = List.copyOf(opportunities);
        latestActivities = List.copyOf(latestActivities);
        services = List.copyOf(services);
        ValidationException.requireNonNull(sales, "card.sales");
        documents = List.copyOf(documents);
    }

    /** A card without documents. */
    public CustomerCard(Customer customer, List<ContactPerson> contacts, List<Note> latestNotes,
            List<DomainEvent> latestHistory, List<OpportunitySummary> opportunities,
            List<ActivitySummary> latestActivities, String activitiesPageToken, List<ServiceSummary> services,
            SalesSummary sales) {
        this(customer, contacts, latestNotes, latestHistory, opportunities, latestActivities, activitiesPageToken,
                services, sales, List.of());
    }
}
