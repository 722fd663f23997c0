package org.crm4j.sales;

import org.crm4j.common.ExternalRef;
import org.crm4j.activity.ActivityId;
import org.crm4j.pipeline.SalesOrderId;

import java.time.LocalDate;
import java.util.List;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.SalesSummary;

/**
 * What customers buy (R6, R11, R13, R29), for one actor: {@code crm.as(actor).sales()}.
 *
 * <p>Need-to-know (R28) as for every record on a customer: a service or document is seen by whoever
 * covers the customer's owner or its salesperson; a payment as its invoice. Reads of a customer
 * the actor may not open are refused ({@link AccessDeniedException}). Recording sales facts needs
 * the customer's line (its owner, their superiors, an administrator): the ERP bridge acts as an
 * administrator.
 *
 * <p>What comes from the ERP is identified by the ERP's reference: delivered again unchanged it
 * changes nothing and announces nothing; changed, it is updated, its version goes up, and an event
 * says so.
 */
public interface Sales {

    /**
     * Records a service the customer has under contract.
     *
     * @param customerId the customer
     * @param service the service
     * @return it, stored
     * @throws ValidationException when a rule is broken
     * @throws NotFoundException when the customer does not exist
     * @throws AccessDeniedException when the actor does not cover the customer's owner
     * @throws ConflictException when another service has the same ERP reference
     */
    ServiceContract addService(CustomerId customerId, NewServiceContract service);

    /**
     * @param id a service
     * @return it, with its status as of today
     * @throws NotFoundException when it does not exist
     * @throws AccessDeniedException when the actor may not see it
     */
    ServiceContract service(ServiceContractId id);

    /**
     * @param customerId a customer
     * @return the customer's services the actor may see, latest start first
     * @throws AccessDeniedException when the actor may not open the customer
     */
    List<ServiceContract> services(CustomerId customerId);

    /**
     * @param id a service
     * @return it, with the requests about it the actor may see (R11)
     * @throws NotFoundException when it does not exist
     * @throws AccessDeniedException when the actor may not see it
     */
    ServiceCard serviceCard(ServiceContractId id);

    /**
     * Finds what a customer's request may be about (R11): the customer's services and documents by
     * product code (a document when one of its lines has it) and by the ERP's reference of a
     * contract or document; without either, the running services and the latest documents.
     *
     * @param lookup what the service desk knows
     * @return the matches the actor may see, at most {@link SalesMatches#LIMIT} of each
     * @throws AccessDeniedException when the actor may not open the customer
     */
    SalesMatches lookup(SalesLookup lookup);

    /**
     * {@link #lookup} from a request: its customer and what it concerns
     * ({@code NewRequest.concerns}); the service it names ({@link #requestAbout}) comes first.
     *
     * @param request a customer request
     * @return the matches the actor may see
     * @throws NotFoundException when there is no such request
     * @throws AccessDeniedException when the actor may not see it
     */
    SalesMatches lookup(ActivityId request);

    /**
     * Names the service a request is about (R11): the service's card then lists the request. A
     * request is about one service at most; naming another replaces it.
     *
     * @param request a request of the service's customer
     * @param service the service
     * @return the service's card
     * @throws ValidationException when the request is of another customer (field {@code request})
     * @throws AccessDeniedException when the actor may not see the request or the service, or
     *     covers neither the request's owner nor the customer's owner
     */
    ServiceCard requestAbout(ActivityId request, ServiceContractId service);

    /**
     * Renews a service with an end for another term: it now runs until the new last day (R15). Its
     * renewal notice comes again for the new term.
     *
     * @param id the service
     * @param newEnd the last day of the new term, after the current one
     * @return it, renewed
     * @throws ValidationException when the new end is missing or not after the current end, or the
     *     service is open-ended
     * @throws ConflictException when it is cancelled
     * @throws AccessDeniedException when the actor does not cover the customer's owner
     */
    ServiceContract renewService(ServiceContractId id, LocalDate newEnd);

    /**
     * Cancels a service (it stays, with the reason: R5).
     *
     * @param id the service
     * @param reason why (required, up to 2,000 characters)
     * @param on the day it was cancelled
     * @return it, cancelled
     * @throws ConflictException when it is cancelled already
     */
    ServiceContract cancelService(ServiceContractId id, String reason, LocalDate on);

    /**
     * Takes an order, invoice or credit note from the ERP: stores it when new, updates it when the
     * ERP changed it, does nothing when it is the same. A credit note's invoice must have been
     * received before it; an invoice's order, when named, too.
     *
     * @param document the document
     * @return the document as stored, and what happened
     * @throws ValidationException when a rule is broken, or the customer, the reversed invoice or
     *     the order named is not known (field {@code customer}, {@code reverses}, {@code order})
     * @throws AccessDeniedException when the actor does not cover the customer's owner
     * @throws ConflictException when the reference is known as another kind or for another customer
     */
    Receipt<SalesDocument> receive(NewSalesDocument document);

    /**
     * The bulk path for an ERP's history (R29): takes documents as {@link #receive} does, idempotently
     * by the ERP's reference, in transactions of a batch of documents each (new ones written in JDBC
     * batches where the store speaks SQL), reading the input as it goes so memory stays bounded. A
     * document that breaks a rule, names what is not known or a customer the actor may not record
     * sales of is refused and reported with its position and fields; the others go in. An order or
     * invoice must come before the documents that name it.
     *
     * @param documents the documents, read once, in order
     * @param options batch size, details kept, progress
     * @return what was done
     */
    SalesImportReport importDocuments(Iterable<NewSalesDocument> documents, SalesImportOptions options);

    /**
     * Defines a commission plan (R13, R21). Administrators only.
     *
     * @param plan the plan
     * @return it, with its id
     * @throws ValidationException listing every broken rule
     * @throws AccessDeniedException when the actor is no administrator
     */
    CommissionPlan defineCommissionPlan(NewCommissionPlan plan);

    /** @return the commission plans, by id */
    List<CommissionPlan> commissionPlans();

    /**
     * A salesperson's commission for a month under their plan: what each payment of their invoices
     * earned per product group at the plan's rates, the tiers applied in the order it was earned,
     * less what credit notes clawed back within the plan's clawback period (at the group's rate).
     *
     * @param salespersonId the salesperson
     * @param period the month
     * @return the statement; with no lines when nothing was earned
     * @throws NotFoundException when no plan pays the salesperson
     * @throws AccessDeniedException when the actor is neither the salesperson nor above them
     */
    CommissionStatement commissionStatement(String salespersonId, java.time.YearMonth period);

    /**
     * The ERP acknowledges a sales order that crm4j placed (event {@code order.placed}, from an
     * accepted offer) under its own order number: the order is kept as a received order with that
     * ERP reference, the offer's lines, the deal and the deal's campaign, so that an invoice that
     * later names the ERP's order ({@link NewSalesDocument#order}) is attributed to the deal and
     * the campaign it was won by. Idempotent: the same acknowledgement again changes nothing.
     *
     * @param order the order crm4j placed
     * @param erpOrder the ERP's reference of it
     * @return the order as received, and what happened
     * @throws NotFoundException when there is no such order
     * @throws AccessDeniedException when the actor does not cover the customer's owner
     * @throws ConflictException when the deal's order is known to the ERP under another reference,
     *     or the reference belongs to another document
     */
    Receipt<SalesDocument> acknowledgeOrder(SalesOrderId order, ExternalRef erpOrder);

    /**
     * @param id a document
     * @return it
     * @throws NotFoundException when it does not exist
     * @throws AccessDeniedException when the actor may not see it
     */
    SalesDocument document(SalesDocumentId id);

    /**
     * @param customerId a customer
     * @param limit how many at most, 1–500
     * @return the customer's documents the actor may see, latest first (by invoice or order date)
     * @throws AccessDeniedException when the actor may not open the customer
     */
    List<SalesDocument> documents(CustomerId customerId, int limit);

    /**
     * Takes a payment from the ERP, idempotently as {@link #receive}.
     *
     * @param payment the payment
     * @return it as stored, and what happened
     * @throws ValidationException when a rule is broken, the invoice is not known (field
     *     {@code invoice}) or the currency is not the invoice's
     * @throws AccessDeniedException when the actor does not cover the invoice's customer's owner
     */
    Receipt<Payment> receivePayment(NewPayment payment);

    /**
     * @param invoiceId an invoice
     * @return what is owed on it
     * @throws NotFoundException when it does not exist (or is no invoice)
     * @throws AccessDeniedException when the actor may not see it
     */
    InvoiceBalance balance(SalesDocumentId invoiceId);

    /**
     * @param customerId a customer
     * @return its invoices the actor may see on which something is still owed (or was overpaid),
     *     oldest first
     * @throws AccessDeniedException when the actor may not open the customer
     */
    List<InvoiceBalance> openInvoices(CustomerId customerId);

    /**
     * @param customerId a customer
     * @return what it bought in the last twelve months and owes, as far as the actor may see
     * @throws AccessDeniedException when the actor may not open the customer
     */
    SalesSummary summary(CustomerId customerId);
}
