package org.crm4j.customer;

/**
 * A search result: the basic fields every actor may see (R28), and whether this actor may open
 * the customer's details.
 *
 * @param id the id
 * @param name the name
 * @param taxId the tax id, or null
 * @param city the city, or null
 * @param ownerId the owner
 * @param status the status
 * @param canOpen whether the actor may see details and change the customer
 */
public record CustomerSummary(CustomerId id, String name, String taxId, String city, String ownerId,
        CustomerStatus status, boolean canOpen) {
}
