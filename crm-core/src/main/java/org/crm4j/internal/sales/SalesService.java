package org.crm4j.internal.sales;

import org.crm4j.sales.store.EarningRow;
import org.crm4j.sales.NewCommissionPlan;
import org.crm4j.sales.CommissionTier;
import org.crm4j.sales.CommissionStatement;
import org.crm4j.sales.CommissionPlan;
import org.crm4j.sales.CommissionLine;
import java.util.Comparator;
import java.math.RoundingMode;
import org.crm4j.event.DomainEvent;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.sales.SalesImportReport;
import org.crm4j.sales.SalesImportOptions;
import org.crm4j.sales.RejectedDocument;
import java.util.Set;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Iterator;
import org.crm4j.sales.ServiceCard;
import org.crm4j.sales.SalesMatches;
import org.crm4j.sales.SalesLookup;
import org.crm4j.store.StoredRequest;
import org.crm4j.store.RequestStore;
import org.crm4j.activity.Request;
import org.crm4j.activity.ActivityId;
import org.crm4j.pipeline.SalesOrderId;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.store.SalesOrderRecord;
import org.crm4j.store.OfferStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crm4j.AccessDeniedException;
import org.crm4j.ConflictException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.access.Actor;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;
import org.crm4j.event.EventTypes;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;
import org.crm4j.internal.customer.CustomerService;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.sales.DocumentKind;
import org.crm4j.sales.InvoiceBalance;
import org.crm4j.sales.NewPayment;
import org.crm4j.sales.NewSalesDocument;
import org.crm4j.sales.NewServiceContract;
import org.crm4j.sales.Payment;
import org.crm4j.sales.Receipt;
import org.crm4j.sales.ReceiptOutcome;
import org.crm4j.sales.Sales;
import org.crm4j.sales.SalesDocument;
import org.crm4j.sales.SalesDocumentId;
import org.crm4j.sales.SalesLine;
import org.crm4j.sales.SalesWarning;
import org.crm4j.customer.SalesSummary;
import org.crm4j.sales.ServiceContract;
import org.crm4j.sales.ServiceContractId;
import org.crm4j.sales.store.DocumentRecord;
import org.crm4j.sales.store.PaymentRecord;
import org.crm4j.sales.store.SalesStore;
import org.crm4j.sales.store.ServiceRecord;
import org.crm4j.store.CustomerStore;
import org.crm4j.store.EventStore;
import org.crm4j.store.OpportunityStore;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;

/**
 * {@link Sales} for one actor: services, documents and payments from the ERP. Need-to-know is the
 * store's, through the one construct; recording needs the customer's line.
 */
public final class SalesService implements Sales {
    private static final String SERVICE = "service";
    private static final String DOCUMENT = "sales-document";
    private static final String PAYMENT = "payment";

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the runtime
     * @param actor who acts
     */
    public SalesService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    private LocalDate today() {
        return LocalDate.now(rt.clock());
    }

    /**
     * @param today the day a summary is read
     * @return the first of the twelve months a sales summary covers: a year ago tomorrow
     */
    public static LocalDate summaryFrom(LocalDate today) {
        return today.minusMonths(12).plusDays(1);
    }

    private static void storable(Object input) {
        List<Violation> broken = StoredValues.violations(input);
        if (!broken.isEmpty()) {
            throw new ValidationException(broken);
        }
    }

    @Override
    public ServiceContract addService(CustomerId customerId, NewServiceContract service) {
        Assert.notNull(customerId, "customerId");
        Assert.notNull(service, "service");
        service.check();
        storable(service);
        Instant now = rt.now();
        LocalDate today = today();
        return rt.store().inTransaction(tx -> {
            CustomerService.changeableCustomer(tx, visibility(), actor, customerId.value(), "record services of");
            SalesStore sales = tx.store(SalesStore.class);
            if (service.externalRef() != null && sales.serviceByRef(service.externalRef()).isPresent()) {
                throw new ConflictException("A service with the reference " + service.externalRef() + " exists already");
            }
            ServiceRecord stored = sales.insertService(new ServiceRecord(0, 0, customerId.value(), service.productCode(),
                    service.productName(), service.startsOn(), service.endsOn(), service.billingPeriod(),
                    service.price(), service.cost(), service.autoRenew(), service.noticeDays(), null, null,
                    service.salespersonId(), service.externalRef(), now, now));
            Map<String, String> data = new LinkedHashMap<>();
            data.put("productCode", stored.productCode());
            data.put("startsOn", stored.startsOn().toString());
            if (stored.endsOn() != null) {
                data.put("endsOn", stored.endsOn().toString());
            }
            data.put("price", stored.price().amount().toPlainString());
            data.put("currency", stored.price().currency().getCurrencyCode());
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.SERVICE_ADDED, SERVICE, stored.id(),
                    customerId.value(), now, data)));
            return stored.toService(today);
        });
    }

    @Override
    public ServiceContract service(ServiceContractId id) {
        Assert.notNull(id, "id");
        LocalDate today = today();
        return rt.store().readOnly(tx -> visibleService(tx, id, "see").toService(today));
    }

    private ServiceRecord visibleService(StoreTransaction tx, ServiceContractId id, String what) {
        SalesStore sales = tx.store(SalesStore.class);
        return sales.service(id.value(), visibility()).orElseThrow(() -> sales.serviceExists(id.value())
                ? new AccessDeniedException(actor.id(), what + " service " + id)
                : new NotFoundException(SERVICE, id.value()));
    }

    @Override
    public List<ServiceContract> services(CustomerId customerId) {
        Assert.notNull(customerId, "customerId");
        LocalDate today = today();
        return rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, customerId.value(), "see the services of");
            return tx.store(SalesStore.class).servicesOf(customerId.value(), visibility()).stream()
                    .map(s -> s.toService(today)).toList();
        });
    }

    @Override
    public ServiceCard serviceCard(ServiceContractId id) {
        Assert.notNull(id, "id");
        LocalDate today = today();
        return rt.store().readOnly(tx -> {
            ServiceRecord service = visibleService(tx, id, "see");
            return new ServiceCard(service.toService(today), requestsAbout(tx, service.id()));
        });
    }

    /** The requests about a service the actor may see, read at once through need-to-know. */
    private List<Request> requestsAbout(StoreTransaction tx, long serviceId) {
        return tx.store(RequestStore.class)
                .findAll(tx.store(SalesStore.class).requestsOfService(serviceId, SalesMatches.LIMIT), visibility())
                .stream().map(r -> Request.fromRecords(r.activity(), r.request())).toList();
    }

    @Override
    public SalesMatches lookup(SalesLookup lookup) {
        Assert.notNull(lookup, "lookup");
        storable(lookup.productCode());
        storable(lookup.reference());
        LocalDate today = today();
        return rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, lookup.customer().value(), "look up the sales of");
            return matches(tx, lookup.customer().value(), lookup.productCode(), lookup.reference(), null, today);
        });
    }

    @Override
    public SalesMatches lookup(ActivityId request) {
        Assert.notNull(request, "request");
        LocalDate today = today();
        return rt.store().readOnly(tx -> {
            StoredRequest stored = visibleRequest(tx, request, "look up what it concerns of");
            Long named = tx.store(SalesStore.class).serviceOfRequest(request.value()).orElse(null);
            return matches(tx, stored.activity().customerId(), null, stored.request().concerns(), named, today);
        });
    }

    /**
     * The services and documents a request may be about: by product and reference when given (a
     * reference names a contract or a document: whichever has it), else the running services and
     * the latest documents; a service the request names first.
     */
    private SalesMatches matches(StoreTransaction tx, long customerId, String productCode, ExternalRef ref,
            Long namedService, LocalDate today) {
        SalesStore sales = tx.store(SalesStore.class);
        List<ServiceContract> services = new ArrayList<>();
        if (namedService != null) {
            sales.service(namedService, visibility()).ifPresent(s -> services.add(s.toService(today)));
        }
        boolean open = productCode == null && ref == null;
        for (ServiceRecord s : sales.servicesMatching(customerId, productCode, ref, visibility(), SalesMatches.LIMIT)) {
            if ((namedService == null || s.id() != namedService) && (!open || s.runsOn(today))) {
                services.add(s.toService(today));
            }
        }
        List<SalesDocument> documents = sales.documentsMatching(customerId, productCode, ref, visibility(),
                open ? 20 : SalesMatches.LIMIT).stream().map(DocumentRecord::toDocument).toList();
        return new SalesMatches(services.size() > SalesMatches.LIMIT ? services.subList(0, SalesMatches.LIMIT)
                : services, documents);
    }

    private StoredRequest visibleRequest(StoreTransaction tx, ActivityId id, String what) {
        RequestStore requests = tx.store(RequestStore.class);
        return requests.find(id.value(), visibility()).orElseThrow(() -> requests.exists(id.value())
                ? new AccessDeniedException(actor.id(), what + " request " + id)
                : new NotFoundException("request", id.value()));
    }

    @Override
    public ServiceCard requestAbout(ActivityId request, ServiceContractId service) {
        Assert.notNull(request, "request");
        Assert.notNull(service, "service");
        Instant now = rt.now();
        LocalDate today = today();
        return rt.store().inTransaction(tx -> {
            StoredRequest stored = visibleRequest(tx, request, "name the service of");
            ServiceRecord s = visibleService(tx, service, "name in a request");
            if (s.customerId() != stored.activity().customerId()) {
                throw new ValidationException("request", "SameCustomer", "the request is another customer's than the"
                        + " service's");
            }
            if (!visibility().covers(stored.activity().ownerId())) {
                CustomerService.changeableCustomer(tx, visibility(), actor, s.customerId(), "name the service of requests of");
            }
            tx.store(SalesStore.class).linkRequest(request.value(), service.value(), actor.id(), now);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.REQUEST_ABOUT_SERVICE, SERVICE,
                    service.value(), s.customerId(), now, Map.of("request", Long.toString(request.value())))));
            return new ServiceCard(s.toService(today), requestsAbout(tx, s.id()));
        });
    }

    @Override
    public ServiceContract renewService(ServiceContractId id, LocalDate newEnd) {
        Assert.notNull(id, "id");
        if (newEnd == null) {
            throw new ValidationException("newEnd", "NotNull", "say until when the service is renewed");
        }
        storable(newEnd);
        Instant now = rt.now();
        LocalDate today = today();
        return rt.store().inTransaction(tx -> {
            ServiceRecord service = visibleService(tx, id, "renew");
            CustomerService.changeableCustomer(tx, visibility(), actor, service.customerId(), "renew services of");
            if (service.cancelledOn() != null) {
                throw new ConflictException("Service " + id + " was cancelled on " + service.cancelledOn());
            }
            if (service.endsOn() == null) {
                throw new ValidationException("newEnd", "HasEnd", "the service is open-ended: it has no term to renew");
            }
            if (!newEnd.isAfter(service.endsOn())) {
                throw new ValidationException("newEnd", "After", "the new end must be after the current one, "
                        + service.endsOn() + ", was " + newEnd);
            }
            ServiceRecord renewed = tx.store(SalesStore.class).updateService(service.renewed(newEnd, now),
                    service.version());
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.SERVICE_RENEWED, SERVICE, id.value(),
                    service.customerId(), now, Map.of("endsOn", newEnd.toString(),
                            "previousEnd", service.endsOn().toString()))));
            return renewed.toService(today);
        });
    }

    @Override
    public ServiceContract cancelService(ServiceContractId id, String reason, LocalDate on) {
        Assert.notNull(id, "id");
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        List<Violation> broken = new ArrayList<>();
        if (why == null) {
            broken.add(new Violation("reason", "NotBlank", "say why the service is cancelled"));
        } else if (why.length() > 2000) {
            broken.add(new Violation("reason", "Size", "at most 2000 characters, was " + why.length()));
        }
        if (on == null) {
            broken.add(new Violation("on", "NotNull", "say when it was cancelled"));
        }
        if (!broken.isEmpty()) {
            throw new ValidationException(broken);
        }
        storable(List.of(why, on));
        Instant now = rt.now();
        LocalDate today = today();
        return rt.store().inTransaction(tx -> {
            ServiceRecord service = visibleService(tx, id, "cancel");
            CustomerService.changeableCustomer(tx, visibility(), actor, service.customerId(), "cancel services of");
            if (service.cancelledOn() != null) {
                throw new ConflictException("Service " + id + " was cancelled on " + service.cancelledOn() + " already");
            }
            ServiceRecord cancelled = tx.store(SalesStore.class).updateService(service.cancelled(why, on, now),
                    service.version());
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.SERVICE_CANCELLED, SERVICE, id.value(),
                    service.customerId(), now, Map.of("reason", why, "cancelledOn", on.toString()))));
            return cancelled.toService(today);
        });
    }

    @Override
    public Receipt<SalesDocument> receive(NewSalesDocument document) {
        Assert.notNull(document, "document");
        document.check();
        storable(document);
        DocumentAddresses.Read addresses = DocumentAddresses.read(document, List.of(Locale.getDefault()), false, 0);
        Instant now = rt.now();
        Receipt<SalesDocument> receipt = rt.store().inTransaction(tx -> {
            SalesStore sales = tx.store(SalesStore.class);
            Lookups lookups = new DirectLookups(tx);
            DocumentRecord incoming = incoming(document, addresses, lookups, now);
            Optional<DocumentRecord> known = sales.documentByRef(document.externalRef());
            if (known.isEmpty()) {
                DocumentRecord stored = sales.insertDocument(incoming);
                announce(tx, EventTypes.SALES_DOCUMENT_RECEIVED, stored, now);
                return new Receipt<>(stored.toDocument(), ReceiptOutcome.CREATED);
            }
            return receiveKnown(tx, known.get(), incoming, now);
        });
        return new Receipt<>(receipt.value(), receipt.outcome(), addresses.warnings());
    }

    @Override
    public SalesImportReport importDocuments(Iterable<NewSalesDocument> documents, SalesImportOptions options) {
        Assert.notNull(documents, "documents");
        Assert.notNull(options, "options");
        ImportTally total = new ImportTally(options.maxDetails());
        Iterator<NewSalesDocument> input = documents.iterator();
        long position = 0;
        while (input.hasNext()) {
            List<NewSalesDocument> batch = new ArrayList<>(options.batchSize());
            List<Long> positions = new ArrayList<>(options.batchSize());
            List<DocumentAddresses.Read> addresses = new ArrayList<>(options.batchSize());
            while (input.hasNext() && batch.size() < options.batchSize()) {
                NewSalesDocument document = input.next();
                position++;
                if (document == null) {
                    total.reject(position, null, List.of(new Violation("document", "NotNull", "a document is missing")));
                    continue;
                }
                DocumentAddresses.Read read;
                try {
                    document.check();
                    storable(document);
                    read = DocumentAddresses.read(document, options.countryLocales(), options.isStrictPhones(),
                            position);
                } catch (ValidationException e) {
                    total.reject(position, document.externalRef(), e.violations());
                    continue;
                }
                batch.add(document);
                positions.add(position);
                addresses.add(read);
            }
            total.documents = position;
            if (!batch.isEmpty()) {
                total.add(importBatch(batch, positions, addresses, options.maxDetails()));
            }
            options.progress().batchDone(total.report());
        }
        return total.report();
    }

    /** What an import did so far; a batch's own is added once the batch committed. */
    private static final class ImportTally {
        private final int maxDetails;
        long documents;
        long lines;
        long created;
        long updated;
        long unchanged;
        long rejected;
        final List<RejectedDocument> rejections = new ArrayList<>();
        final List<SalesWarning> warnings = new ArrayList<>();

        ImportTally(int maxDetails) {
            this.maxDetails = maxDetails;
        }

        void reject(long position, ExternalRef ref, List<Violation> violations) {
            rejected++;
            if (rejections.size() < maxDetails) {
                rejections.add(new RejectedDocument(position, ref, violations));
            }
        }

        void add(ImportTally batch) {
            lines += batch.lines;
            created += batch.created;
            updated += batch.updated;
            unchanged += batch.unchanged;
            for (RejectedDocument r : batch.rejections) {
                reject(r.position(), r.externalRef(), r.violations());
            }
            rejected += batch.rejected - batch.rejections.size();
            for (SalesWarning w : batch.warnings) {
                warn(w);
            }
        }

        void warn(SalesWarning warning) {
            if (warnings.size() < maxDetails) {
                warnings.add(warning);
            }
        }

        SalesImportReport report() {
            return new SalesImportReport(documents, lines, created, updated, unchanged, rejected, rejections, warnings);
        }
    }

    /**
     * One transaction: the batch's customers, their owners and the documents its references name
     * are read in a few statements; new documents are written together, in order, so that one
     * naming another of the same batch finds it stored.
     */
    private ImportTally importBatch(List<NewSalesDocument> batch, List<Long> positions,
            List<DocumentAddresses.Read> addresses, int maxDetails) {
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            ImportTally tally = new ImportTally(maxDetails);
            SalesStore sales = tx.store(SalesStore.class);
            BatchLookups lookups = new BatchLookups(tx, batch);
            List<DocumentRecord> pending = new ArrayList<>();
            Set<ExternalRef> pendingRefs = new HashSet<>();
            List<DomainEvent> events = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                NewSalesDocument document = batch.get(i);
                if (pendingRefs.contains(document.externalRef()) || pendingRefs.contains(document.orderRef())
                        || pendingRefs.contains(document.reversesRef())) {
                    storePending(sales, pending, pendingRefs, lookups, events, now);
                }
                DocumentRecord incoming;
                Optional<DocumentRecord> known;
                try {
                    incoming = incoming(document, addresses.get(i), lookups, now);
                    known = lookups.documentByRef(document.externalRef());
                } catch (ValidationException e) {
                    tally.reject(positions.get(i), document.externalRef(), e.violations());
                    continue;
                } catch (NotFoundException | AccessDeniedException e) {
                    tally.reject(positions.get(i), document.externalRef(), List.of(new Violation("customer",
                            e instanceof NotFoundException ? "Known" : "Access", e.getMessage())));
                    continue;
                }
                addresses.get(i).warnings().forEach(tally::warn);
                if (known.isEmpty()) {
                    pending.add(incoming);
                    pendingRefs.add(incoming.externalRef());
                    tally.created++;
                    tally.lines += incoming.lines().size();
                    continue;
                }
                try {
                    Receipt<SalesDocument> r = receiveKnown(tx, known.get(), incoming, now);
                    if (r.outcome() == ReceiptOutcome.UPDATED) {
                        tally.updated++;
                        tally.lines += incoming.lines().size();
                        lookups.remember(sales.documentByRef(incoming.externalRef()).orElseThrow());
                    } else {
                        tally.unchanged++;
                    }
                } catch (ConflictException e) {
                    tally.reject(positions.get(i), document.externalRef(), List.of(new Violation("externalRef",
                            "Conflict", e.getMessage())));
                }
            }
            storePending(sales, pending, pendingRefs, lookups, events, now);
            tx.store(EventStore.class).appendLast(events);
            return tally;
        });
    }

    private void storePending(SalesStore sales, List<DocumentRecord> pending, Set<ExternalRef> pendingRefs,
            BatchLookups lookups, List<DomainEvent> events, Instant now) {
        if (pending.isEmpty()) {
            return;
        }
        for (DocumentRecord stored : sales.insertDocuments(pending)) {
            lookups.remember(stored);
            events.add(documentEvent(EventTypes.SALES_DOCUMENT_RECEIVED, stored, now));
        }
        pending.clear();
        pendingRefs.clear();
    }

    /** A batch's lookups, read at its start in a few statements, and what the batch stored since. */
    private final class BatchLookups implements Lookups {
        private final StoreTransaction tx;
        private final Map<ExternalRef, Long> customersByRef;
        private final Map<Long, CustomerRecord> customers = new HashMap<>();
        private final Map<ExternalRef, DocumentRecord> documents;
        private final Map<Long, Optional<OpportunityRecord>> deals = new HashMap<>();

        BatchLookups(StoreTransaction tx, List<NewSalesDocument> batch) {
            this.tx = tx;
            Set<ExternalRef> customerRefs = new HashSet<>();
            Set<ExternalRef> documentRefs = new HashSet<>();
            for (NewSalesDocument d : batch) {
                if (d.customerRef() != null) {
                    customerRefs.add(d.customerRef());
                }
                documentRefs.add(d.externalRef());
                if (d.orderRef() != null) {
                    documentRefs.add(d.orderRef());
                }
                if (d.reversesRef() != null) {
                    documentRefs.add(d.reversesRef());
                }
            }
            CustomerStore store = tx.store(CustomerStore.class);
            customersByRef = customerRefs.isEmpty() ? Map.of() : store.holdersOf(customerRefs);
            Set<Long> ids = new HashSet<>(customersByRef.values());
            for (NewSalesDocument d : batch) {
                if (d.customerId() != null) {
                    ids.add(d.customerId().value());
                }
            }
            for (CustomerRecord c : store.findAll(ids, visibility())) {
                customers.put(c.id(), c);
            }
            documents = new HashMap<>(tx.store(SalesStore.class).documentsByRefs(documentRefs));
        }

        void remember(DocumentRecord stored) {
            documents.put(stored.externalRef(), stored);
        }

        @Override
        public long customerOf(NewSalesDocument document) {
            if (document.customerId() != null) {
                return document.customerId().value();
            }
            Long id = customersByRef.get(document.customerRef());
            if (id == null) {
                throw new ValidationException("customerRef", "Known", "no customer has the reference "
                        + document.customerRef());
            }
            return id;
        }

        @Override
        public void checkChangeable(long customerId) {
            CustomerRecord customer = customers.get(customerId);
            if (customer == null) {
                // not visible: told apart from a customer that does not exist, as one at a time
                CustomerService.changeableCustomer(tx, visibility(), actor, customerId, "record sales of");
            } else if (!visibility().covers(customer.ownerId())) {
                throw new AccessDeniedException(actor.id(), "record sales of customer " + customerId);
            }
        }

        @Override
        public Optional<DocumentRecord> documentByRef(ExternalRef ref) {
            return Optional.ofNullable(documents.get(ref));
        }

        @Override
        public Optional<OpportunityRecord> deal(long id) {
            return deals.computeIfAbsent(id, k -> tx.store(OpportunityStore.class).find(k, Visibility.everything()));
        }
    }

    @Override
    public CommissionPlan defineCommissionPlan(NewCommissionPlan plan) {
        Assert.notNull(plan, "plan");
        if (!actor.isAdmin()) {
            throw new AccessDeniedException(actor.id(), "define commission plans");
        }
        CommissionPlan checked = plan.check();
        storable(checked.name());
        storable(List.copyOf(checked.salespeople()));
        storable(List.copyOf(checked.teams()));
        storable(List.copyOf(checked.groupRates().keySet()));
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            SalesStore sales = tx.store(SalesStore.class);
            for (CommissionPlan other : sales.plans()) {
                for (String salesperson : checked.salespeople()) {
                    if (other.salespeople().contains(salesperson)) {
                        throw new ConflictException("Salesperson " + salesperson + " is paid by the plan '"
                                + other.name() + "' already");
                    }
                }
                for (String manager : checked.teams()) {
                    if (other.teams().contains(manager)) {
                        throw new ConflictException("The team of " + manager + " is paid by the plan '"
                                + other.name() + "' already");
                    }
                }
            }
            CommissionPlan stored = sales.insertPlan(checked);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.COMMISSION_PLAN_DEFINED,
                    "commission-plan", stored.id(), null, now, Map.of("name", stored.name()))));
            return stored;
        });
    }

    @Override
    public List<CommissionPlan> commissionPlans() {
        return rt.store().readOnly(tx -> tx.store(SalesStore.class).plans());
    }

    private static final Comparator<EarningRow> EARNING_ORDER = Comparator.comparing(EarningRow::on)
            .thenComparingLong(EarningRow::documentId)
            .thenComparing(EarningRow::productGroup, Comparator.nullsLast(Comparator.naturalOrder()));

    /*
     * The database adds up the basis per payment (or invoice) and product group; here the plan's
     * rates apply, and its tiers in the order the basis was earned: a row that crosses a tier is split
     * at it, so that the part above earns the tier's extra points.
     */
    @Override
    public CommissionStatement commissionStatement(String salespersonId, java.time.YearMonth period) {
        Assert.notNull(salespersonId, "salespersonId");
        Assert.notNull(period, "period");
        if (!visibility().covers(salespersonId)) {
            throw new AccessDeniedException(actor.id(), "see the commission of " + salespersonId);
        }
        LocalDate from = period.atDay(1);
        LocalDate to = period.atEndOfMonth();
        return rt.store().readOnly(tx -> {
            SalesStore sales = tx.store(SalesStore.class);
            CommissionPlan plan = planOf(sales.plans(), salespersonId)
                    .orElseThrow(() -> new NotFoundException("commission plan of", salespersonId));
            Currency currency = plan.currency();
            int scale = Math.max(0, currency.getDefaultFractionDigits());
            List<EarningRow> earned = new ArrayList<>(sales.earnings(salespersonId, currency.getCurrencyCode(),
                    plan.basis(), plan.earning(), from, to));
            earned.sort(EARNING_ORDER);
            List<CommissionLine> lines = new ArrayList<>();
            BigDecimal cumulative = BigDecimal.ZERO;
            for (EarningRow row : earned) {
                BigDecimal rate = plan.rateOf(row.productGroup());
                BigDecimal remaining = row.basis().setScale(scale, RoundingMode.HALF_UP);
                if (remaining.signum() <= 0) {
                    lines.add(line(row, remaining, rate, scale, false));
                    continue;
                }
                while (remaining.signum() > 0) {
                    BigDecimal extra = BigDecimal.ZERO;
                    BigDecimal next = null;
                    for (CommissionTier tier : plan.tiers()) {
                        if (tier.from().compareTo(cumulative) <= 0) {
                            extra = tier.extraRate();
                        } else if (next == null) {
                            next = tier.from();
                        }
                    }
                    BigDecimal piece = (next == null ? remaining : remaining.min(next.subtract(cumulative)))
                            .setScale(scale, RoundingMode.HALF_UP);
                    lines.add(line(row, piece, rate.add(extra), scale, false));
                    cumulative = cumulative.add(piece);
                    remaining = remaining.subtract(piece);
                }
            }
            List<EarningRow> clawed = new ArrayList<>(sales.clawbacks(salespersonId, currency.getCurrencyCode(),
                    plan.basis(), plan.clawbackDays(), from, to));
            clawed.sort(EARNING_ORDER);
            for (EarningRow row : clawed) {
                lines.add(line(row, row.basis().setScale(scale, RoundingMode.HALF_UP).negate(),
                        plan.rateOf(row.productGroup()), scale, true));
            }
            lines.sort(Comparator.comparing(CommissionLine::on));
            BigDecimal total = lines.stream().map(CommissionLine::commission).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new CommissionStatement(salespersonId, period, plan.name(), lines, new Money(total, currency));
        });
    }

    /**
     * The plan that names the salesperson, or else the team plan of their nearest manager up the
     * reporting line (as the directory tells it now) that has one.
     */
    private Optional<CommissionPlan> planOf(List<CommissionPlan> plans, String salespersonId) {
        for (CommissionPlan p : plans) {
            if (p.salespeople().contains(salespersonId)) {
                return Optional.of(p);
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String manager = rt.access().user(salespersonId).map(org.crm4j.plugin.DirectoryUser::superiorId).orElse(null);
        while (manager != null && seen.add(manager)) {
            for (CommissionPlan p : plans) {
                if (p.teams().contains(manager)) {
                    return Optional.of(p);
                }
            }
            manager = rt.access().user(manager).map(org.crm4j.plugin.DirectoryUser::superiorId).orElse(null);
        }
        return Optional.empty();
    }

    private static CommissionLine line(EarningRow row, BigDecimal basis, BigDecimal rate, int scale, boolean clawback) {
        return new CommissionLine(row.on(), row.document(), row.productGroup(), basis, rate,
                basis.multiply(rate).movePointLeft(2).setScale(scale, RoundingMode.HALF_UP), clawback);
    }

    /** A document received before, delivered again: unchanged, or updated at a new version. */
    private Receipt<SalesDocument> receiveKnown(StoreTransaction tx, DocumentRecord before, DocumentRecord incoming,
            Instant now) {
        if (before.kind() != incoming.kind() || before.customerId() != incoming.customerId()) {
            throw new ConflictException("The ERP reference " + incoming.externalRef() + " belongs to "
                    + before.kind().name().toLowerCase().replace('_', ' ') + " " + before.id()
                    + (before.customerId() != incoming.customerId() ? " of another customer" : ""));
        }
        if (before.sameContent(incoming)) {
            return new Receipt<>(before.toDocument(), ReceiptOutcome.UNCHANGED);
        }
        DocumentRecord changed = tx.store(SalesStore.class).updateDocument(new DocumentRecord(before.id(),
                before.version(), incoming.kind(), incoming.externalRef(), incoming.customerId(), incoming.currency(),
                incoming.orderedOn(), incoming.invoicedOn(), incoming.dueOn(), incoming.salespersonId(),
                incoming.lines(), incoming.net(), incoming.tax(), incoming.gross(), incoming.reversesId(),
                incoming.orderId(), incoming.opportunityId(), incoming.campaignId(), before.receivedAt(), now,
                incoming.billTo(), incoming.shipTo()), before.version());
        announce(tx, EventTypes.SALES_DOCUMENT_CHANGED, changed, now);
        return new Receipt<>(changed.toDocument(), ReceiptOutcome.UPDATED);
    }

    /** What receiving a document reads: one at a time ({@link DirectLookups}), or a batch's at once. */
    interface Lookups {
        /** @return the customer's id @throws ValidationException when the reference is unknown */
        long customerOf(NewSalesDocument document);

        /** @throws AccessDeniedException when the actor may not record sales of the customer */
        void checkChangeable(long customerId);

        /** @return the document with that ERP reference, received before */
        Optional<DocumentRecord> documentByRef(ExternalRef ref);

        /** @return the deal, if it exists */
        Optional<OpportunityRecord> deal(long id);
    }

    /** Each lookup a statement of its own: for one document. */
    private final class DirectLookups implements Lookups {
        private final StoreTransaction tx;

        DirectLookups(StoreTransaction tx) {
            this.tx = tx;
        }

        @Override
        public long customerOf(NewSalesDocument document) {
            return SalesService.this.customerOf(tx, document);
        }

        @Override
        public void checkChangeable(long customerId) {
            CustomerService.changeableCustomer(tx, visibility(), actor, customerId, "record sales of");
        }

        @Override
        public Optional<DocumentRecord> documentByRef(ExternalRef ref) {
            return tx.store(SalesStore.class).documentByRef(ref);
        }

        @Override
        public Optional<OpportunityRecord> deal(long id) {
            return tx.store(OpportunityStore.class).find(id, Visibility.everything());
        }
    }

    /**
     * The document as it is to be stored: its customer, the invoice it reverses, the order it bills
     * and through it the deal and campaign, and its totals.
     *
     * @throws ValidationException when a reference is unknown or inconsistent
     * @throws AccessDeniedException when the actor does not cover the customer's owner
     */
    private DocumentRecord incoming(NewSalesDocument document, DocumentAddresses.Read addresses, Lookups lookups,
            Instant now) {
        long customerId = lookups.customerOf(document);
        lookups.checkChangeable(customerId);
        Currency currency = Currency.getInstance(document.currency());
        Long reverses = null;
        if (document.reversesRef() != null) {
            DocumentRecord invoice = lookups.documentByRef(document.reversesRef())
                    .filter(d -> d.kind() == DocumentKind.INVOICE).orElseThrow(() -> new ValidationException(
                            "reverses", "Known", "no invoice " + document.reversesRef() + " was received"));
            check(invoice.customerId() == customerId, "reverses", "a credit note reverses an invoice of its own customer");
            check(invoice.currency().equals(currency.getCurrencyCode()), "currency",
                    "a credit note is in its invoice's currency " + invoice.currency());
            reverses = invoice.id();
        }
        Long orderId = null;
        Long opportunityId = document.opportunityId();
        if (document.orderRef() != null) {
            DocumentRecord order = lookups.documentByRef(document.orderRef())
                    .filter(d -> d.kind() == DocumentKind.ORDER).orElseThrow(() -> new ValidationException(
                            "order", "Known", "no order " + document.orderRef() + " was received"));
            check(order.customerId() == customerId, "order", "an invoice bills an order of its own customer");
            orderId = order.id();
            if (opportunityId == null) {
                opportunityId = order.opportunityId();
            }
        }
        Long campaignId = null;
        if (opportunityId != null) {
            OpportunityRecord deal = lookups.deal(opportunityId).orElseThrow(() -> new ValidationException(
                    "opportunityId", "Known", "no deal " + document.opportunityId()));
            check(deal.customerId() == customerId, "opportunityId", "the deal is another customer's");
            campaignId = campaignOf(deal.source());
        }
        BigDecimal[] totals = totals(document.lines(), currency);
        return new DocumentRecord(0, 0, document.kind(), document.externalRef(), customerId,
                currency.getCurrencyCode(), document.orderedOn(), document.invoicedOn(), document.dueOn(),
                document.salespersonId(), document.lines(), totals[0], totals[1], totals[2], reverses, orderId,
                opportunityId, campaignId, now, now, addresses.billTo(), addresses.shipTo());
    }

    /** @return net, tax and gross of the lines, each line rounded to the currency as invoices are */
    private static BigDecimal[] totals(List<SalesLine> lines, Currency currency) {
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (SalesLine line : lines) {
            net = net.add(line.net(currency));
            tax = tax.add(line.tax(currency));
        }
        BigDecimal gross = net.add(tax);
        check(gross.precision() - gross.scale() <= Money.MAX_INTEGER_DIGITS, "lines",
                "the document's total has more than " + Money.MAX_INTEGER_DIGITS + " digits before the point");
        return new BigDecimal[] {net, tax, gross};
    }

    @Override
    public Receipt<SalesDocument> acknowledgeOrder(SalesOrderId order, ExternalRef erpOrder) {
        Assert.notNull(order, "order");
        Assert.notNull(erpOrder, "erpOrder");
        storable(erpOrder);
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            OfferStore offers = tx.store(OfferStore.class);
            SalesOrderRecord placed = offers.order(order.value())
                    .orElseThrow(() -> new NotFoundException("order", order.value()));
            CustomerService.changeableCustomer(tx, visibility(), actor, placed.customerId(), "acknowledge orders of");
            SalesStore sales = tx.store(SalesStore.class);
            Optional<DocumentRecord> known = sales.documentsOfDeal(placed.opportunityId()).stream()
                    .filter(d -> d.kind() == DocumentKind.ORDER).findFirst();
            if (known.isPresent()) {
                if (known.get().externalRef().equals(erpOrder)) {
                    return new Receipt<>(known.get().toDocument(), ReceiptOutcome.UNCHANGED);
                }
                throw new ConflictException("The order of deal " + placed.opportunityId() + " is known to the ERP as "
                        + known.get().externalRef() + " already");
            }
            if (sales.documentByRef(erpOrder).isPresent()) {
                throw new ConflictException("The ERP reference " + erpOrder + " belongs to another document");
            }
            OfferRecord offer = offers.find(placed.offerId(), Visibility.everything()).orElseThrow();
            OpportunityRecord deal = tx.store(OpportunityStore.class).find(placed.opportunityId(),
                    Visibility.everything()).orElseThrow();
            Currency currency = offer.currency();
            List<SalesLine> lines = offer.lines().stream().map(l -> SalesLine.of(l.code(), l.quantity(),
                            l.unitPrice().amount()).description(l.description()).unit(l.unit())
                    .discount(l.discountPercent(), l.discountReason()).taxRate(l.taxRate())).toList();
            BigDecimal[] totals = totals(lines, currency);
            DocumentRecord stored = sales.insertDocument(new DocumentRecord(0, 0, DocumentKind.ORDER, erpOrder,
                    placed.customerId(), currency.getCurrencyCode(), LocalDate.ofInstant(placed.placedAt(),
                    rt.clock().getZone()), null, null, deal.ownerId(), lines, totals[0], totals[1], totals[2], null,
                    null, deal.id(), campaignOf(deal.source()), now, now));
            announce(tx, EventTypes.SALES_DOCUMENT_RECEIVED, stored, now);
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.ORDER_ACKNOWLEDGED, "order",
                    placed.id(), placed.customerId(), now, Map.of("erpRef", erpOrder.toString(),
                            "document", Long.toString(stored.id())))));
            return new Receipt<>(stored.toDocument(), ReceiptOutcome.CREATED);
        });
    }

    private long customerOf(StoreTransaction tx, NewSalesDocument document) {
        if (document.customerId() != null) {
            return document.customerId().value();
        }
        return tx.store(CustomerStore.class).idByExternalRef(document.customerRef()).orElseThrow(() ->
                new ValidationException("customerRef", "Known", "no customer has the reference " + document.customerRef()));
    }

    private static void check(boolean ok, String field, String message) {
        if (!ok) {
            throw new ValidationException(field, "Consistent", message);
        }
    }

    private static Long campaignOf(String source) {
        if (source != null && source.startsWith("campaign:")) {
            try {
                return Long.parseLong(source.substring("campaign:".length()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private void announce(StoreTransaction tx, String type, DocumentRecord d, Instant now) {
        tx.store(EventStore.class).append(List.of(documentEvent(type, d, now)));
    }

    private DomainEvent documentEvent(String type, DocumentRecord d, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("kind", d.kind().name());
        data.put("externalRef", d.externalRef().toString());
        data.put("currency", d.currency());
        data.put("net", d.net().toPlainString());
        data.put("gross", d.gross().toPlainString());
        data.put("lines", Integer.toString(d.lines().size()));
        data.put("version", Long.toString(d.version()));
        if (d.opportunityId() != null) {
            data.put("opportunityId", d.opportunityId().toString());
        }
        if (d.campaignId() != null) {
            data.put("campaignId", d.campaignId().toString());
        }
        return rt.event(actor, type, DOCUMENT, d.id(), d.customerId(), now, data);
    }

    @Override
    public SalesDocument document(SalesDocumentId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> visibleDocument(tx, id).toDocument());
    }

    private DocumentRecord visibleDocument(StoreTransaction tx, SalesDocumentId id) {
        SalesStore sales = tx.store(SalesStore.class);
        return sales.document(id.value(), visibility()).orElseThrow(() -> sales.documentExists(id.value())
                ? new AccessDeniedException(actor.id(), "see sales document " + id)
                : new NotFoundException(DOCUMENT, id.value()));
    }

    @Override
    public List<SalesDocument> documents(CustomerId customerId, int limit) {
        Assert.notNull(customerId, "customerId");
        Assert.pageSize(limit);
        return rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, customerId.value(), "see the sales of");
            return tx.store(SalesStore.class).documentsOf(customerId.value(), visibility(), limit).stream()
                    .map(DocumentRecord::toDocument).toList();
        });
    }

    @Override
    public Receipt<Payment> receivePayment(NewPayment payment) {
        Assert.notNull(payment, "payment");
        payment.check();
        storable(payment);
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            SalesStore sales = tx.store(SalesStore.class);
            Long invoiceId = null;
            long customerId;
            if (payment.invoice() != null) {
                DocumentRecord invoice = sales.documentByRef(payment.invoice())
                        .filter(d -> d.kind() == DocumentKind.INVOICE).orElseThrow(() -> new ValidationException(
                                "invoice", "Known", "no invoice " + payment.invoice() + " was received"));
                check(payment.amount().currency().getCurrencyCode().equals(invoice.currency()), "amount",
                        "a payment is in its invoice's currency " + invoice.currency());
                invoiceId = invoice.id();
                customerId = invoice.customerId();
            } else if (payment.customerId() != null) {
                customerId = payment.customerId().value();
            } else {
                customerId = tx.store(CustomerStore.class).idByExternalRef(payment.customerRef()).orElseThrow(() ->
                        new ValidationException("customerRef", "Known", "no customer has the reference "
                                + payment.customerRef()));
            }
            CustomerService.changeableCustomer(tx, visibility(), actor, customerId, "record payments of");
            PaymentRecord incoming = new PaymentRecord(0, 0, payment.externalRef(), invoiceId, customerId,
                    payment.amount(), payment.paidOn(), now, now);
            Optional<PaymentRecord> known = sales.paymentByRef(payment.externalRef());
            if (known.isEmpty()) {
                PaymentRecord stored = sales.insertPayment(incoming);
                announce(tx, EventTypes.PAYMENT_RECEIVED, stored, now);
                return new Receipt<>(stored.toPayment(), ReceiptOutcome.CREATED);
            }
            PaymentRecord before = known.get();
            if (Objects.equals(before.invoiceId(), incoming.invoiceId()) && before.customerId() == incoming.customerId()
                    && before.amount().equals(incoming.amount())
                    && before.paidOn().equals(incoming.paidOn())) {
                return new Receipt<>(before.toPayment(), ReceiptOutcome.UNCHANGED);
            }
            if (before.customerId() != incoming.customerId()) {
                CustomerService.changeableCustomer(tx, visibility(), actor, before.customerId(), "record payments of");
            }
            PaymentRecord changed = sales.updatePayment(new PaymentRecord(before.id(), before.version(),
                    before.externalRef(), incoming.invoiceId(), incoming.customerId(), incoming.amount(),
                    incoming.paidOn(), before.receivedAt(), now), before.version());
            announce(tx, EventTypes.PAYMENT_CHANGED, changed, now);
            return new Receipt<>(changed.toPayment(), ReceiptOutcome.UPDATED);
        });
    }

    private void announce(StoreTransaction tx, String type, PaymentRecord p, Instant now) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("externalRef", p.externalRef().toString());
        if (p.invoiceId() != null) {
            data.put("invoiceId", Long.toString(p.invoiceId()));
        }
        data.put("amount", p.amount().amount().toPlainString());
        data.put("currency", p.amount().currency().getCurrencyCode());
        data.put("paidOn", p.paidOn().toString());
        data.put("version", Long.toString(p.version()));
        tx.store(EventStore.class).append(List.of(rt.event(actor, type, PAYMENT, p.id(), p.customerId(), now, data)));
    }

    @Override
    public InvoiceBalance balance(SalesDocumentId invoiceId) {
        Assert.notNull(invoiceId, "invoiceId");
        return rt.store().readOnly(tx -> {
            DocumentRecord invoice = visibleDocument(tx, invoiceId);
            if (invoice.kind() != DocumentKind.INVOICE) {
                throw new NotFoundException("invoice", invoiceId.value());
            }
            return tx.store(SalesStore.class).balances(invoice.customerId(), invoice.id(), visibility()).get(0);
        });
    }

    @Override
    public List<InvoiceBalance> openInvoices(CustomerId customerId) {
        Assert.notNull(customerId, "customerId");
        return rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, customerId.value(), "see the invoices of");
            return tx.store(SalesStore.class).balances(customerId.value(), null, visibility()).stream()
                    .filter(b -> b.outstanding().amount().signum() != 0).toList();
        });
    }

    @Override
    public SalesSummary summary(CustomerId customerId) {
        Assert.notNull(customerId, "customerId");
        LocalDate today = today();
        return rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, customerId.value(), "see the sales of");
            return tx.store(SalesStore.class).ofCustomer(customerId.value(), today, summaryFrom(today), visibility())
                    .summary();
        });
    }
}
