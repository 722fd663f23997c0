package org.crm4j.store;

import org.crm4j.customer.CompetitorContract;

/**
 * A competitor's contract that ends soon, with what its notice needs of the customer.
 *
 * @param contract the contract
 * @param customerName the customer's name
 * @param ownerId the customer's owner
 */
public record EndingContract(CompetitorContract contract, String customerName, String ownerId) {

    /**
     * @param contractId a contract
     * @return the key of its notices
     */
    public static String noticeKey(long contractId) {
        return "competitor-contract:" + contractId;
    }
}
