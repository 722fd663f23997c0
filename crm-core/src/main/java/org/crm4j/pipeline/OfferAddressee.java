package org.crm4j.pipeline;

import org.crm4j.common.Address;

/**
 * Whom an offer is addressed to: the deal's customer and its primary contact person, as the
 * offer's document shows them. Who may see the deal may address its offers, even when the
 * customer itself has another owner.
 *
 * @param customerName the customer's name
 * @param taxId the customer's tax id, or null
 * @param address the customer's main address, or null
 * @param contactName the primary contact person's name, or null when there is none
 * @param contactJobTitle the primary contact person's job title, or null
 */
public record OfferAddressee(String customerName, String taxId, Address address, String contactName,
        String contactJobTitle) {
}
