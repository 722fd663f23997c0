package org.crm4j.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.customer.CompetitorContract;

/**
 * Customers' contracts with competitors, in a store. Need-to-know is the customer's: a contract
 * is found with a visibility only when the customer's owner is covered by it, in the query.
 */
public interface CompetitorContractStore {

    /**
     * @param customerId the customer
     * @param supplier the competitor
     * @param product what the customer has from them, or null
     * @param endsOn the contract's last day
     * @param note a note, or null
     * @param createdBy who entered it
     * @param createdAt when
     * @return it, with its id
     */
    CompetitorContract insert(long customerId, String supplier, String product, LocalDate endsOn, String note,
            String createdBy, Instant createdAt);

    /**
     * @param customerId a customer
     * @param visibility applied in the query, to the customer's owner
     * @return its contracts, soonest end first, then by id
     */
    List<CompetitorContract> ofCustomer(long customerId, Visibility visibility);

    /**
     * @param id a contract
     * @param visibility applied in the query, to the customer's owner
     * @return it, if it exists and is visible
     */
    Optional<CompetitorContract> find(long id, Visibility visibility);

    /**
     * @param id a contract
     * @return whether it exists at all
     */
    boolean exists(long id);

    /** @param id a contract to remove */
    void delete(long id);

    /**
     * @param from the first end date to include
     * @param until the last end date to include
     * @param limit how many at most
     * @return the contracts ending in that range for which no notice with the key
     *     {@link EndingContract#noticeKey(long)} exists, soonest end first
     */
    List<EndingContract> ending(LocalDate from, LocalDate until, int limit);
}
