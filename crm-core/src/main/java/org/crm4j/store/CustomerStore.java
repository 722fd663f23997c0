package org.crm4j.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.store.OwnerChangeRecord;
import org.crm4j.lead.DuplicateMatch;

/** Customers in a store. */
public interface CustomerStore {

    /**
     * @param customer a new customer (id 0)
     * @return it with its assigned id and version 0
     * @throws org.crm4j.ConflictException when one of its external references is taken
     */
    CustomerRecord insert(CustomerRecord customer);

    /**
     * Writes a changed customer when its version is still the stored one.
     *
     * @param customer the changed customer, carrying the version it was read at
     * @return it with the incremented version
     * @throws org.crm4j.ConflictException when the stored version differs, or an external
     *     reference is taken
     */
    CustomerRecord update(CustomerRecord customer);

    /**
     * @param id a customer id
     * @param visibility applied in the query
     * @return the customer if it exists and is visible
     */
    Optional<CustomerRecord> find(long id, Visibility visibility);

    /**
     * Locks the customer's row until the transaction ends, so that changes spanning several of
     * its records (such as which contact is primary) are made one after the other.
     *
     * @param id a customer id
     */
    void lock(long id);

    /**
     * @param id a customer id
     * @return whether it exists at all (to tell "not found" from "not yours")
     */
    boolean exists(long id);

    /**
     * @param ref an external reference
     * @return the id of the customer holding it
     */
    Optional<Long> idByExternalRef(ExternalRef ref);

    /**
     * Finds who holds many external references at once, for a bulk import: one query where the
     * store speaks SQL. The default asks {@link #idByExternalRef} for each.
     *
     * @param refs external references
     * @return the holder's id of each reference some customer holds
     */
    default Map<ExternalRef, Long> holdersOf(Collection<ExternalRef> refs) {
        Map<ExternalRef, Long> out = new LinkedHashMap<>();
        for (ExternalRef ref : refs) {
            idByExternalRef(ref).ifPresent(id -> out.put(ref, id));
        }
        return out;
    }

    /**
     * Reads many customers with everything they hold at once, for a bulk import: one query where
     * the store speaks SQL. The default asks {@link #find} for each.
     *
     * @param ids customer ids
     * @param visibility applied in the query
     * @return those that exist and are visible, in no particular order
     */
    default List<CustomerRecord> findAll(Collection<Long> ids, Visibility visibility) {
        return ids.stream().distinct().map(id -> find(id, visibility)).flatMap(Optional::stream).toList();
    }

    /**
     * Inserts many new customers, in JDBC batches where the store speaks SQL. The default inserts
     * each with {@link #insert}.
     *
     * @param customers new customers (id 0)
     * @return them with their assigned ids and version 0, in the same order
     * @throws org.crm4j.ConflictException when an external reference of one of them is taken
     */
    default List<CustomerRecord> insertAll(List<CustomerRecord> customers) {
        return customers.stream().map(this::insert).toList();
    }

    /**
     * Tells which of many prospects' keys some existing customer has (tax id and name key among
     * all customers, e-mail and phone among the contacts of the customers the visibility covers,
     * as {@link #duplicates} compares them): one query where the store speaks SQL. The default
     * answers that every key may be present, which is correct and makes the caller check each.
     *
     * @param keys the keys
     * @return those of them that are present
     */
    default DuplicateKeys presentKeys(DuplicateKeys keys) {
        return keys;
    }

    /**
     * Reads the basic fields of many customers at once, for checks of an explicit list (a
     * campaign's targets): one query where the store speaks SQL.
     *
     * @param ids customer ids
     * @param visibility applied in the query
     * @return the rows of those that exist and are visible, in no particular order
     */
    List<CustomerRow> rows(Collection<Long> ids, Visibility visibility);

    /**
     * @param search what to find
     * @return at most {@code search.limit()} rows, in the search's order
     */
    List<CustomerRow> search(CustomerSearch search);

    /**
     * Finds the customers a prospect looks like (see {@link DuplicateQuery} for the order and the
     * limit): by tax id and name key among all customers, archived ones too (their basic fields are
     * every actor's to see), by e-mail and phone among the contacts of the customers the query's
     * visibility covers. A store that speaks SQL does it in one statement.
     *
     * @param query the prospect's keys
     * @return matches of kind {@link org.crm4j.lead.MatchKind#CUSTOMER} with the basic fields
     */
    List<DuplicateMatch> duplicates(DuplicateQuery query);

    /** @param change an owner change to keep */
    void recordOwnerChange(OwnerChangeRecord change);

    /**
     * @param customerId a customer
     * @return its owner changes, oldest first
     */
    List<OwnerChangeRecord> ownerChanges(long customerId);

    /**
     * Reads the latest notes and the latest events about a customer together, for the customer
     * card; a store that speaks SQL does it in one statement.
     *
     * <p>Need-to-know applies to the events about a deal (those with a
     * {@link org.crm4j.event.DomainEvent#opportunityId() deal}): they are included only when the
     * deal is the customer's and its current owner is covered by the visibility, so that a deal
     * handed over shows its whole history to the new owner's line and none to the former's. The
     * limit counts the included events only; other events are included whatever the visibility.
     * Events about a lead ({@link org.crm4j.event.DomainEvent#leadId()}) or an activity
     * ({@link org.crm4j.event.DomainEvent#activityId()}) are included alike, only when it is the
     * customer's and its owner is covered. The customer's activities are included when their
     * owner is covered, latest start first (then highest id), as {@link ActivityStore#ofCustomer}
     * orders them.
     *
     * @param customerId a customer
     * @param noteLimit how many notes at most
     * @param eventLimit how many events at most
     * @param activityLimit how many activities at most
     * @param documentLimit how many kept documents at most
     * @param visibility whose deals' events, whose activities and whose documents to include, applied
     *     in the query
     * @return the newest notes, the newest events, the latest activities and the latest documents of
     *     the customer the visibility allows
     */
    CustomerTimeline timeline(long customerId, int noteLimit, int eventLimit, int activityLimit, int documentLimit,
            Visibility visibility);
}
