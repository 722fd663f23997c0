package org.crm4j.internal.sales;

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

    /** The requests about a service the actor may see, each read through need-to-know. */
    private List<Request> requestsAbout(StoreTransaction tx, long serviceId) {
        RequestStore requests = tx.store(RequestStore.class);
        List<Request> seen = new ArrayList<>();
        for (long requestId : tx.store(SalesStore.class).requestsOfService(serviceId, SalesMatches.LIMIT)) {
            requests.find(requestId, visibility()).ifPresent(r -> seen.add(Request.fromRecords(r.activity(),
                    r.request())));
        }
        return seen;
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
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            SalesStore sales = tx.store(SalesStore.class);
            long customerId = customerOf(tx, document);
            CustomerService.changeableCustomer(tx, visibility(), actor, customerId, "record sales of");
            Currency currency = Currency.getInstance(document.currency());
            Long reverses = null;
            if (document.reversesRef() != null) {
                DocumentRecord invoice = sales.documentByRef(document.reversesRef())
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
                DocumentRecord order = sales.documentByRef(document.orderRef())
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
                OpportunityRecord deal = tx.store(OpportunityStore.class).find(opportunityId, Visibility.everything())
                        .orElseThrow(() -> new ValidationException("opportunityId", "Known", "no deal "
                                + document.opportunityId()));
                check(deal.customerId() == customerId, "opportunityId", "the deal is another customer's");
                campaignId = campaignOf(deal.source());
            }
            BigDecimal[] totals = totals(document.lines(), currency);
            BigDecimal net = totals[0];
            BigDecimal tax = totals[1];
            BigDecimal gross = totals[2];
            DocumentRecord incoming = new DocumentRecord(0, 0, document.kind(), document.externalRef(), customerId,
                    currency.getCurrencyCode(), document.orderedOn(), document.invoicedOn(), document.dueOn(),
                    document.salespersonId(), document.lines(), net, tax, gross, reverses, orderId, opportunityId,
                    campaignId, now, now);
            Optional<DocumentRecord> known = sales.documentByRef(document.externalRef());
            if (known.isEmpty()) {
                DocumentRecord stored = sales.insertDocument(incoming);
                announce(tx, EventTypes.SALES_DOCUMENT_RECEIVED, stored, now);
                return new Receipt<>(stored.toDocument(), ReceiptOutcome.CREATED);
            }
            DocumentRecord before = known.get();
            if (before.kind() != incoming.kind() || before.customerId() != customerId) {
                throw new ConflictException("The ERP reference " + document.externalRef() + " belongs to "
                        + before.kind().name().toLowerCase().replace('_', ' ') + " " + before.id()
                        + (before.customerId() != customerId ? " of another customer" : ""));
            }
            if (before.sameContent(incoming)) {
                return new Receipt<>(before.toDocument(), ReceiptOutcome.UNCHANGED);
            }
            DocumentRecord changed = sales.updateDocument(new DocumentRecord(before.id(), before.version(),
                    incoming.kind(), incoming.externalRef(), customerId, incoming.currency(), incoming.orderedOn(),
                    incoming.invoicedOn(), incoming.dueOn(), incoming.salespersonId(), incoming.lines(), net, tax,
                    gross, reverses, orderId, opportunityId, campaignId, before.receivedAt(), now), before.version());
            announce(tx, EventTypes.SALES_DOCUMENT_CHANGED, changed, now);
            return new Receipt<>(changed.toDocument(), ReceiptOutcome.UPDATED);
        });
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
        tx.store(EventStore.class).append(List.of(rt.event(actor, type, DOCUMENT, d.id(), d.customerId(), now, data)));
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
