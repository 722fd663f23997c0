package org.crm4j.customer;

import java.util.List;
import java.util.Optional;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Page;

/**
 * Customers, their contact persons and notes, as one actor may see and change them (R1-R5,
 * R28). Get it from {@code crm.as(actor).customers()}.
 *
 * <p>Need-to-know: every actor may search all customers and see their basic fields (name, tax
 * id, city, owner); only the owner, the owner's superiors (transitively) and administrators
 * may see contacts, notes and everything else, and change them. Others get
 * {@link AccessDeniedException}. Every change is written with its domain events in one
 * transaction; bad input is refused with a {@link ValidationException} listing every broken rule
 * and leaves nothing behind.
 */
public interface Customers {

    /**
     * Creates a customer. Without an explicit owner, the actor owns it; only an owner's
     * superiors and administrators may create customers for someone else.
     *
     * @param customer what to create
     * @return the created customer
     * @throws ValidationException when a rule is broken or the owner is unknown
     * @throws ConflictException when an external reference belongs to another customer
     * @throws AccessDeniedException when the actor may not create customers for that owner
     */
    Customer create(NewCustomer customer);

    /**
     * @param id a customer id
     * @return the customer with all its details
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see its details
     */
    Customer get(CustomerId id);

    /**
     * @param ref a reference to the customer's record in the ERP
     * @return the customer holding it, if any
     * @throws AccessDeniedException when it exists but the actor may not see its details
     */
    Optional<Customer> findByExternalRef(ExternalRef ref);

    /**
     * Writes the changes made to a customer since it was read.
     *
     * @param customer a customer read with {@link #get} and changed with its methods
     * @return the customer as now stored, with its new version
     * @throws ConflictException when someone else changed it since it was read
     * @throws ValidationException when a rule is broken
     * @throws AccessDeniedException when the actor may not change it
     */
    Customer save(Customer customer);

    /**
     * @param query criteria, order and page
     * @return one page of basic fields, marking the rows the actor may open
     */
    Page<CustomerSummary> search(CustomerQuery query);

    /**
     * Reads everything about a customer in a bounded number of statements: the customer, its
     * contacts, its latest notes and history, and the deals with it that the actor may see
     * (need-to-know applies to each deal's owner, who need not be the customer's). The history
     * leaves out the events about deals the actor may not see: the deals' own, their offers' and
     * their orders'.
     *
     * @param id a customer id
     * @return the customer card (R2)
     * @throws NotFoundException when there is none
     * @throws AccessDeniedException when the actor may not see its details
     */
    CustomerCard card(CustomerId id);

    /**
     * @param customerId the customer
     * @param contact the contact person
     * @return the created contact
     */
    ContactPerson addContact(CustomerId customerId, NewContact contact);

    /**
     * @param id a contact id
     * @return the contact
     */
    ContactPerson getContact(ContactId id);

    /**
     * @param contact a contact read with {@link #getContact} or {@link #contacts} and changed
     * @return the contact as now stored
     */
    ContactPerson saveContact(ContactPerson contact);

    /**
     * @param customerId a customer
     * @return its contacts, primary first, then by name
     */
    List<ContactPerson> contacts(CustomerId customerId);

    /**
     * Records what the actor learned about a customer (R3).
     *
     * @param customerId the customer
     * @param text 1 to 10,000 characters
     * @return the note
     */
    Note addNote(CustomerId customerId, String text);

    /**
     * @param customerId a customer
     * @param limit how many at most, 1 to 500
     * @return the newest notes first
     */
    List<Note> notes(CustomerId customerId, int limit);

    /**
     * @param customerId a customer
     * @return every reassignment, oldest first
     */
    List<OwnerChange> ownerHistory(CustomerId customerId);

    /**
     * Records a customer's contract with a competitor (R15); its owner is told before it ends.
     * Only who may see the customer's details may add one.
     *
     * @param customerId the customer
     * @param contract the supplier, the end date and what else is known
     * @return the recorded contract
     * @throws org.crm4j.ValidationException listing every broken rule (supplier and end date are
     *     required), before anything is written
     * @throws org.crm4j.AccessDeniedException when the actor may not see the customer's details
     */
    CompetitorContract addCompetitorContract(CustomerId customerId, NewCompetitorContract contract);

    /**
     * @param customerId a customer whose details the actor may see
     * @return its contracts with competitors, soonest end first
     * @throws org.crm4j.AccessDeniedException when the actor may not see the customer's details
     */
    List<CompetitorContract> competitorContracts(CustomerId customerId);

    /**
     * Removes a contract with a competitor (e.g. entered by mistake, or the customer left them);
     * the event {@code competitor-contract.removed} keeps what it was.
     *
     * @param id the contract
     * @throws org.crm4j.NotFoundException when there is no such contract
     * @throws org.crm4j.AccessDeniedException when the actor may not see the customer's details
     */
    void removeCompetitorContract(CompetitorContractId id);
}
