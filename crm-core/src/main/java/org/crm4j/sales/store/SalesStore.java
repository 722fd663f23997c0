package org.crm4j.sales.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.ConflictException;
import org.crm4j.common.ExternalRef;
import org.crm4j.sales.InvoiceBalance;
import org.crm4j.store.Visibility;

/**
 * Services, sales documents and payments in a store. Need-to-know is applied in the queries that
 * take a {@link Visibility}: a service or document is visible to whoever covers the customer's owner
 * or its salesperson; a payment and an invoice's balance as the invoice. The lookups by the ERP's
 * reference see everything: they serve idempotent receipt, which checks the customer itself.
 */
public interface SalesStore {

    /** @return the service with its id and version 0 */
    ServiceRecord insertService(ServiceRecord service);

    /**
     * @param changed the new state
     * @param readVersion the version it was read at
     * @return it at the next version
     * @throws ConflictException when it changed since
     */
    ServiceRecord updateService(ServiceRecord changed, long readVersion);

    /** @return the service, if it exists and is visible */
    Optional<ServiceRecord> service(long id, Visibility visibility);

    /** @return whether the service exists at all */
    boolean serviceExists(long id);

    /** @return the customer's visible services, latest start first, then by id */
    List<ServiceRecord> servicesOf(long customerId, Visibility visibility);

    /** @return the id of the service with that ERP reference */
    Optional<Long> serviceByRef(ExternalRef ref);

    /** @return the document with that ERP reference, whoever may see it */
    Optional<DocumentRecord> documentByRef(ExternalRef ref);

    /** @return the document with its id and version 0 */
    DocumentRecord insertDocument(DocumentRecord document);

    /**
     * The bulk path of an ERP's history: new documents with their lines, in as few statements as
     * the store can (JDBC batches where it speaks SQL). The default inserts them one by one.
     *
     * @param documents new documents (id 0), none with a reference already stored
     * @return them with their ids and version 0, in the same order
     */
    default List<DocumentRecord> insertDocuments(List<DocumentRecord> documents) {
        return documents.stream().map(this::insertDocument).toList();
    }

    /**
     * @param refs ERP references
     * @return the documents stored with them, whoever may see them, by reference; the default asks
     *     {@link #documentByRef} for each
     */
    default java.util.Map<ExternalRef, DocumentRecord> documentsByRefs(java.util.Collection<ExternalRef> refs) {
        java.util.Map<ExternalRef, DocumentRecord> out = new java.util.LinkedHashMap<>();
        for (ExternalRef ref : refs) {
            documentByRef(ref).ifPresent(d -> out.put(ref, d));
        }
        return out;
    }

    /**
     * @param changed the new state (lines and totals replace the old ones)
     * @param readVersion the version it was read at
     * @return it at the next version
     * @throws ConflictException when it changed since
     */
    DocumentRecord updateDocument(DocumentRecord changed, long readVersion);

    /** @return the document, if it exists and is visible */
    Optional<DocumentRecord> document(long id, Visibility visibility);

    /** @return whether the document exists at all */
    boolean documentExists(long id);

    /**
     * @param limit how many at most
     * @return the customer's visible documents, latest first by invoice date (an order's: its order
     *     date), then by id, descending
     */
    List<DocumentRecord> documentsOf(long customerId, Visibility visibility, int limit);

    /**
     * The services whose renewal talks are due, for the renewal notices: not cancelled, with an end
     * on or after today, whose last day for notice (end less notice days) is at most
     * {@code leadDays} days after today, of an active customer, and with no renewal notice of that
     * term yet ({@link RenewalDue#noticeKey}). Whoever may see them: the notice goes to the owner.
     *
     * @param today the day of the run
     * @param leadDays how many days before the last day for notice the talks are due
     * @param products the product codes asked about, or, when {@code except} is true, those not
     * @param except whether {@code products} are the ones left out
     * @param limit how many at most, the soonest last day for notice first
     * @return the services
     */
    List<RenewalDue> renewalsDue(LocalDate today, int leadDays, java.util.Set<String> products, boolean except,
            int limit);

    /**
     * @param customerId the customer
     * @param productCode only services of that product, or null
     * @param ref only the service with that contract reference, or null
     * @param limit how many at most
     * @return the customer's visible services that match, latest start first
     */
    List<ServiceRecord> servicesMatching(long customerId, String productCode, ExternalRef ref, Visibility visibility,
            int limit);

    /**
     * @param customerId the customer
     * @param productCode only documents with a line of that product, or null
     * @param ref only the document with that reference, or null
     * @param limit how many at most
     * @return the customer's visible documents that match, latest first (as {@link #documentsOf})
     */
    List<DocumentRecord> documentsMatching(long customerId, String productCode, ExternalRef ref,
            Visibility visibility, int limit);

    /**
     * Records that a request is about a service, replacing the service it named before.
     *
     * @param requestId the request (its activity's id)
     * @param serviceId the service
     * @param by who named it
     * @param at when
     */
    void linkRequest(long requestId, long serviceId, String by, java.time.Instant at);

    /** @return the service the request is about, if it names one */
    Optional<Long> serviceOfRequest(long requestId);

    /**
     * @param serviceId a service
     * @param limit how many at most
     * @return the ids of the requests about it, latest named first
     */
    List<Long> requestsOfService(long serviceId, int limit);

    /**
     * @param plan a new commission plan (id 0)
     * @return it with its id
     */
    org.crm4j.sales.CommissionPlan insertPlan(org.crm4j.sales.CommissionPlan plan);

    /** @return every commission plan, by id */
    List<org.crm4j.sales.CommissionPlan> plans();

    /**
     * What a salesperson's invoices earned in a period, added up by the store: per payment (its
     * share of the invoice's basis: the basis times the payment over the invoice's gross) or per
     * invoice on the day its payments reach its gross; per product group.
     *
     * @param salespersonId whose invoices
     * @param currency only invoices in it
     * @param basis net amount, or margin (a line without cost counts nothing)
     * @param earning per payment or paid in full
     * @param from the first day
     * @param to the last day
     * @return the rows, by day, then invoice, then product group
     */
    List<EarningRow> earnings(String salespersonId, String currency, org.crm4j.sales.CommissionBasis basis,
            org.crm4j.sales.CommissionEarning earning, LocalDate from, LocalDate to);

    /**
     * What credit notes in a period credited on a salesperson's invoices that had been paid no more
     * than {@code clawbackDays} days before the credit note, per product group.
     *
     * @return the rows (positive basis), by day, then credit note, then product group
     */
    List<EarningRow> clawbacks(String salespersonId, String currency, org.crm4j.sales.CommissionBasis basis,
            int clawbackDays, LocalDate from, LocalDate to);

    /** @return the checkpoint last kept for a sales source, if any */
    Optional<String> checkpoint(String sourceId);

    /**
     * @param sourceId a sales source
     * @param checkpoint its new checkpoint
     * @param at when it was pulled
     */
    void saveCheckpoint(String sourceId, String checkpoint, java.time.Instant at);

    /**
     * @param opportunityId a deal
     * @return the documents that name it, whoever may see them, by id
     */
    List<DocumentRecord> documentsOfDeal(long opportunityId);

    /** @return the payment with that ERP reference, whoever may see it */
    Optional<PaymentRecord> paymentByRef(ExternalRef ref);

    /** @return the payment with its id and version 0 */
    PaymentRecord insertPayment(PaymentRecord payment);

    /**
     * @return it at the next version
     * @throws ConflictException when it changed since it was read
     */
    PaymentRecord updatePayment(PaymentRecord changed, long readVersion);

    /**
     * @param customerId the customer
     * @param invoiceId one invoice of it only, or null for all
     * @return the visible invoices' balances (gross, sum of payments, sum of reversing credit
     *     notes' gross), oldest invoice first, then by id
     */
    List<InvoiceBalance> balances(long customerId, Long invoiceId, Visibility visibility);

    /**
     * What the customer card shows of a customer's business, in one statement where the store
     * speaks SQL.
     *
     * @param customerId the customer
     * @param today the day it is read: a service whose end is before it and that does not renew
     *     itself is over
     * @param from the first day of the twelve months of the summary
     * @return the visible running services, and, per currency, by its code: net invoiced less net
     *     credited from that day on and what is outstanding on the visible invoices; and the latest
     *     invoice date
     */
    CustomerSales ofCustomer(long customerId, LocalDate today, LocalDate from, Visibility visibility);
}
