package org.crm4j.persistence.memory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.sales.DocumentKind;
import org.crm4j.sales.InvoiceBalance;
import org.crm4j.sales.SalesDocumentId;
import org.crm4j.customer.SalesSummary;
import org.crm4j.customer.ServiceSummary;
import org.crm4j.sales.store.CustomerSales;
import org.crm4j.sales.store.RenewalDue;
import org.crm4j.sales.store.DocumentRecord;
import org.crm4j.sales.store.PaymentRecord;
import org.crm4j.sales.store.SalesStore;
import org.crm4j.sales.store.ServiceRecord;
import org.crm4j.store.Visibility;

/** Services, sales documents and payments; need-to-know by the customer's owner or the salesperson. */
final class MemorySalesStore extends MemoryFeatureStore implements SalesStore {
    private static final Comparator<ServiceRecord> LATEST_START = Comparator.comparing(ServiceRecord::startsOn)
            .thenComparingLong(ServiceRecord::id).reversed();
    private static final Comparator<DocumentRecord> LATEST = Comparator
            .comparing(MemorySalesStore::dateOf).thenComparingLong(DocumentRecord::id).reversed();

    MemorySalesStore(MemoryTx tx) {
        super(tx);
    }

    private static LocalDate dateOf(DocumentRecord d) {
        return d.invoicedOn() != null ? d.invoicedOn() : d.orderedOn();
    }

    private boolean visible(ServiceRecord s, Visibility v) {
        return needToKnow.record(v, s.customerId(), s.salespersonId());
    }

    private boolean visible(DocumentRecord d, Visibility v) {
        return needToKnow.record(v, d.customerId(), d.salespersonId());
    }

    @Override
    public ServiceRecord insertService(ServiceRecord service) {
        checkWritable();
        ServiceRecord stored = service.stored(newId(), 0);
        put(data.services, stored.id(), stored);
        if (stored.externalRef() != null) {
            put(data.serviceRefs, stored.externalRef(), stored.id());
        }
        return stored;
    }

    @Override
    public ServiceRecord updateService(ServiceRecord changed, long readVersion) {
        return replaceVersioned(data.services, changed.id(), readVersion, ServiceRecord::version,
                "Service " + changed.id(), v -> changed.stored(changed.id(), v));
    }

    @Override
    public Optional<ServiceRecord> service(long id, Visibility visibility) {
        return Optional.ofNullable(data.services.get(id)).filter(s -> visible(s, visibility));
    }

    @Override
    public boolean serviceExists(long id) {
        return data.services.containsKey(id);
    }

    @Override
    public List<ServiceRecord> servicesOf(long customerId, Visibility visibility) {
        return data.services.values().stream().filter(s -> s.customerId() == customerId)
                .filter(s -> visible(s, visibility)).sorted(LATEST_START).toList();
    }

    @Override
    public Optional<Long> serviceByRef(ExternalRef ref) {
        return Optional.ofNullable(data.serviceRefs.get(ref));
    }

    @Override
    public Optional<DocumentRecord> documentByRef(ExternalRef ref) {
        return Optional.ofNullable(data.documentRefs.get(ref)).map(data.documents::get);
    }

    @Override
    public DocumentRecord insertDocument(DocumentRecord document) {
        return insertByRef(data.documents, data.documentRefs, document.externalRef(), "A sales document",
                id -> document.stored(id, 0));
    }

    /** Inserts a record with a new id, refusing a second one with the same ERP reference as the database does. */
    private <R> R insertByRef(Map<Long, R> records, Map<ExternalRef, Long> refs, ExternalRef ref, String what,
            java.util.function.LongFunction<R> withId) {
        checkWritable();
        if (refs.containsKey(ref)) {
            throw new org.crm4j.ConflictException(what + " with the reference " + ref + " exists already");
        }
        long id = newId();
        put(records, id, withId.apply(id));
        put(refs, ref, id);
        return records.get(id);
    }

    @Override
    public DocumentRecord updateDocument(DocumentRecord changed, long readVersion) {
        return replaceVersioned(data.documents, changed.id(), readVersion, DocumentRecord::version,
                "Sales document " + changed.id(), v -> changed.stored(changed.id(), v));
    }

    @Override
    public Optional<DocumentRecord> document(long id, Visibility visibility) {
        return Optional.ofNullable(data.documents.get(id)).filter(d -> visible(d, visibility));
    }

    @Override
    public boolean documentExists(long id) {
        return data.documents.containsKey(id);
    }

    @Override
    public List<DocumentRecord> documentsOf(long customerId, Visibility visibility, int limit) {
        return documentsMatching(customerId, null, null, visibility, limit);
    }

    @Override
    public List<DocumentRecord> documentsMatching(long customerId, String productCode, ExternalRef ref,
            Visibility visibility, int limit) {
        return data.documents.values().stream().filter(d -> d.customerId() == customerId)
                .filter(d -> productCode == null || d.lines().stream().anyMatch(l -> l.productCode().equals(productCode)))
                .filter(d -> ref == null || ref.equals(d.externalRef()))
                .filter(d -> visible(d, visibility)).sorted(LATEST).limit(limit).toList();
    }

    @Override
    public List<ServiceRecord> servicesMatching(long customerId, String productCode, ExternalRef ref,
            Visibility visibility, int limit) {
        return data.services.values().stream().filter(s -> s.customerId() == customerId)
                .filter(s -> productCode == null || s.productCode().equals(productCode))
                .filter(s -> ref == null || ref.equals(s.externalRef()))
                .filter(s -> visible(s, visibility)).sorted(LATEST_START).limit(limit).toList();
    }

    @Override
    public void linkRequest(long requestId, long serviceId, String by, java.time.Instant at) {
        checkWritable();
        put(data.serviceRequests, requestId, new MemoryData.ServiceRequestLink(serviceId, at));
    }

    @Override
    public Optional<Long> serviceOfRequest(long requestId) {
        return Optional.ofNullable(data.serviceRequests.get(requestId)).map(MemoryData.ServiceRequestLink::serviceId);
    }

    @Override
    public List<Long> requestsOfService(long serviceId, int limit) {
        return data.serviceRequests.entrySet().stream().filter(e -> e.getValue().serviceId() == serviceId)
                .sorted(Comparator.comparing((Map.Entry<Long, MemoryData.ServiceRequestLink> e) -> e.getValue().at())
                        .thenComparing(Map.Entry::getKey).reversed())
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public List<RenewalDue> renewalsDue(LocalDate today, int leadDays, java.util.Set<String> products, boolean except,
            int limit) {
        LocalDate horizon = today.plusDays(leadDays);
        List<RenewalDue> due = new ArrayList<>();
        data.services.values().stream()
                .filter(s -> s.endsOn() != null && s.cancelledOn() == null && !s.endsOn().isBefore(today))
                .filter(s -> !s.endsOn().minusDays(s.noticeDays()).isAfter(horizon))
                .filter(s -> products.contains(s.productCode()) != except)
                .sorted(Comparator.comparing((ServiceRecord s) -> s.endsOn().minusDays(s.noticeDays()))
                        .thenComparingLong(ServiceRecord::id))
                .forEach(s -> {
                    var customer = data.customers.get(s.customerId());
                    RenewalDue d = new RenewalDue(s, customer.name(), customer.ownerId());
                    if (customer.status() == org.crm4j.customer.CustomerStatus.ACTIVE && due.size() < limit
                            && data.noticeKeys.keySet().stream().noneMatch(k -> k.get(0).equals(d.noticeKey()))) {
                        due.add(d);
                    }
                });
        return due;
    }

    @Override
    public org.crm4j.sales.CommissionPlan insertPlan(org.crm4j.sales.CommissionPlan plan) {
        checkWritable();
        for (org.crm4j.sales.CommissionPlan other : data.commissionPlans.values()) {
            for (String salesperson : plan.salespeople()) {
                if (other.salespeople().contains(salesperson)) {
                    throw new org.crm4j.ConflictException("a unique rule of the store is broken (crm_commission_member)");
                }
            }
            for (String manager : plan.teams()) {
                if (other.teams().contains(manager)) {
                    throw new org.crm4j.ConflictException("a unique rule of the store is broken (crm_commission_team)");
                }
            }
        }
        long id = newId();
        org.crm4j.sales.CommissionPlan stored = plan.withId(id);
        put(data.commissionPlans, id, stored);
        return stored;
    }

    @Override
    public List<org.crm4j.sales.CommissionPlan> plans() {
        return List.copyOf(data.commissionPlans.values());
    }

    private static BigDecimal lineBasis(org.crm4j.sales.SalesLine line, Currency currency,
            org.crm4j.sales.CommissionBasis basis) {
        BigDecimal net = line.net(currency);
        if (basis == org.crm4j.sales.CommissionBasis.NET) {
            return net;
        }
        return line.cost() == null ? BigDecimal.ZERO : net.subtract(line.cost());
    }

    /** The basis of a document's lines per product group (a null group kept as its own). */
    private static Map<String, BigDecimal> byGroup(DocumentRecord d, org.crm4j.sales.CommissionBasis basis) {
        Map<String, BigDecimal> groups = new HashMap<>();
        Currency c = Currency.getInstance(d.currency());
        for (org.crm4j.sales.SalesLine line : d.lines()) {
            groups.merge(line.productGroup() == null ? "\u0000" : line.productGroup(), lineBasis(line, c, basis),
                    BigDecimal::add);
        }
        return groups;
    }

    private static void rows(List<org.crm4j.sales.store.EarningRow> out, LocalDate on, DocumentRecord d,
            Map<String, BigDecimal> groups, java.util.function.UnaryOperator<BigDecimal> share) {
        groups.forEach((group, basis) -> out.add(new org.crm4j.sales.store.EarningRow(on, d.id(), d.externalRef(),
                group.equals("\u0000") ? null : group, share.apply(basis))));
    }

    @Override
    public List<org.crm4j.sales.store.EarningRow> earnings(String salespersonId, String currency,
            org.crm4j.sales.CommissionBasis basis, org.crm4j.sales.CommissionEarning earning, LocalDate from,
            LocalDate to) {
        List<org.crm4j.sales.store.EarningRow> out = new ArrayList<>();
        for (DocumentRecord d : data.documents.values()) {
            if (d.kind() != DocumentKind.INVOICE || !salespersonId.equals(d.salespersonId())
                    || !d.currency().equals(currency) || d.gross().signum() <= 0) {
                continue;
            }
            List<PaymentRecord> paid = data.payments.values().stream().filter(p -> Objects.equals(p.invoiceId(), d.id()))
                    .sorted(Comparator.comparing(PaymentRecord::paidOn).thenComparingLong(PaymentRecord::id)).toList();
            Map<String, BigDecimal> groups = byGroup(d, basis);
            if (earning == org.crm4j.sales.CommissionEarning.PER_PAYMENT) {
                for (PaymentRecord p : paid) {
                    if (!p.paidOn().isBefore(from) && !p.paidOn().isAfter(to)) {
                        rows(out, p.paidOn(), d, groups, b -> b.multiply(p.amount().amount())
                                .divide(d.gross(), java.math.MathContext.DECIMAL64));
                    }
                }
            } else {
                BigDecimal due = d.gross().subtract(data.documents.values().stream()
                        .filter(c -> c.kind() == DocumentKind.CREDIT_NOTE && Objects.equals(c.reversesId(), d.id()))
                        .map(DocumentRecord::gross).reduce(BigDecimal.ZERO, BigDecimal::add));
                BigDecimal sum = BigDecimal.ZERO;
                for (PaymentRecord p : paid) {
                    sum = sum.add(p.amount().amount());
                    if (sum.compareTo(due) >= 0) {
                        if (!p.paidOn().isBefore(from) && !p.paidOn().isAfter(to)) {
                            rows(out, p.paidOn(), d, groups, b -> b);
                        }
                        break;
                    }
                }
            }
        }
        return out;
    }

    @Override
    public List<org.crm4j.sales.store.EarningRow> clawbacks(String salespersonId, String currency,
            org.crm4j.sales.CommissionBasis basis, int clawbackDays, LocalDate from, LocalDate to) {
        List<org.crm4j.sales.store.EarningRow> out = new ArrayList<>();
        for (DocumentRecord c : data.documents.values()) {
            if (c.kind() != DocumentKind.CREDIT_NOTE || c.reversesId() == null || c.invoicedOn().isBefore(from)
                    || c.invoicedOn().isAfter(to)) {
                continue;
            }
            DocumentRecord d = data.documents.get(c.reversesId());
            if (d == null || !salespersonId.equals(d.salespersonId()) || !d.currency().equals(currency)) {
                continue;
            }
            boolean paidWithin = data.payments.values().stream().anyMatch(p -> Objects.equals(p.invoiceId(), d.id())
                    && !p.paidOn().isAfter(c.invoicedOn()) && !p.paidOn().plusDays(clawbackDays).isBefore(c.invoicedOn()));
            if (paidWithin) {
                rows(out, c.invoicedOn(), c, byGroup(c, basis), b -> b);
            }
        }
        return out;
    }

    @Override
    public Optional<String> checkpoint(String sourceId) {
        return Optional.ofNullable(data.salesSources.get(sourceId));
    }

    @Override
    public void saveCheckpoint(String sourceId, String checkpoint, java.time.Instant at) {
        checkWritable();
        put(data.salesSources, sourceId, checkpoint);
    }

    @Override
    public List<DocumentRecord> documentsOfDeal(long opportunityId) {
        return data.documents.values().stream()
                .filter(d -> d.opportunityId() != null && d.opportunityId() == opportunityId)
                .sorted(Comparator.comparingLong(DocumentRecord::id)).toList();
    }

    @Override
    public Optional<PaymentRecord> paymentByRef(ExternalRef ref) {
        return Optional.ofNullable(data.paymentRefs.get(ref)).map(data.payments::get);
    }

    @Override
    public PaymentRecord insertPayment(PaymentRecord payment) {
        return insertByRef(data.payments, data.paymentRefs, payment.externalRef(), "A payment",
                id -> payment.stored(id, 0));
    }

    @Override
    public PaymentRecord updatePayment(PaymentRecord changed, long readVersion) {
        return replaceVersioned(data.payments, changed.id(), readVersion, PaymentRecord::version,
                "Payment " + changed.id(), v -> changed.stored(changed.id(), v));
    }

    @Override
    public List<InvoiceBalance> balances(long customerId, Long invoiceId, Visibility visibility) {
        // what was paid and credited on each of the customer's invoices, in one pass over each map
        Map<Long, BigDecimal> paid = new HashMap<>();
        for (PaymentRecord p : data.payments.values()) {
            if (p.customerId() == customerId && p.invoiceId() != null) {
                paid.merge(p.invoiceId(), p.amount().amount(), BigDecimal::add);
            }
        }
        Map<Long, BigDecimal> credited = new HashMap<>();
        List<DocumentRecord> invoices = new ArrayList<>();
        for (DocumentRecord d : data.documents.values()) {
            if (d.customerId() != customerId) {
                continue;
            }
            if (d.kind() == DocumentKind.CREDIT_NOTE && d.reversesId() != null) {
                credited.merge(d.reversesId(), d.gross(), BigDecimal::add);
            } else if (d.kind() == DocumentKind.INVOICE && (invoiceId == null || d.id() == invoiceId)
                    && visible(d, visibility)) {
                invoices.add(d);
            }
        }
        invoices.sort(Comparator.comparing(DocumentRecord::invoicedOn).thenComparingLong(DocumentRecord::id));
        List<InvoiceBalance> out = new ArrayList<>();
        for (DocumentRecord invoice : invoices) {
            out.add(new InvoiceBalance(SalesDocumentId.of(invoice.id()), invoice.externalRef(), invoice.invoicedOn(),
                    invoice.dueOn(), money(invoice.gross(), invoice.currency()),
                    money(paid.getOrDefault(invoice.id(), BigDecimal.ZERO), invoice.currency()),
                    money(credited.getOrDefault(invoice.id(), BigDecimal.ZERO), invoice.currency())));
        }
        return out;
    }

    @Override
    public CustomerSales ofCustomer(long customerId, LocalDate today, LocalDate from, Visibility visibility) {
        List<ServiceSummary> services = data.services.values().stream()
                .filter(s -> s.customerId() == customerId && s.runsOn(today) && visible(s, visibility))
                .sorted(LATEST_START).map(ServiceRecord::toSummary).toList();
        // what was paid and credited on each of the customer's invoices, in one pass each
        Map<Long, BigDecimal> paidOrCredited = new HashMap<>();
        List<DocumentRecord> documents = new ArrayList<>();
        for (DocumentRecord d : data.documents.values()) {
            if (d.customerId() == customerId) {
                documents.add(d);
                if (d.kind() == DocumentKind.CREDIT_NOTE && d.reversesId() != null) {
                    paidOrCredited.merge(d.reversesId(), d.gross(), BigDecimal::add);
                }
            }
        }
        Map<String, BigDecimal[]> byCurrency = new TreeMap<>();
        for (PaymentRecord p : data.payments.values()) {
            if (p.customerId() != customerId) {
                continue;
            }
            if (p.invoiceId() != null) {
                paidOrCredited.merge(p.invoiceId(), p.amount().amount(), BigDecimal::add);
            } else if (needToKnow.record(visibility, customerId, null)) {
                // on account: lowers what the customer owes in its currency, not one invoice's balance
                BigDecimal[] sums = byCurrency.computeIfAbsent(p.amount().currency().getCurrencyCode(),
                        c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[1] = sums[1].subtract(p.amount().amount());
            }
        }
        LocalDate last = null;
        for (DocumentRecord d : documents) {
            if (d.kind() == DocumentKind.ORDER || !visible(d, visibility)) {
                continue;
            }
            BigDecimal[] sums = byCurrency.computeIfAbsent(d.currency(),
                    c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (!d.invoicedOn().isBefore(from)) {
                sums[0] = d.kind() == DocumentKind.INVOICE ? sums[0].add(d.net()) : sums[0].subtract(d.net());
            }
            if (d.kind() == DocumentKind.INVOICE) {
                sums[1] = sums[1].add(d.gross()).subtract(paidOrCredited.getOrDefault(d.id(), BigDecimal.ZERO));
                last = last == null || d.invoicedOn().isAfter(last) ? d.invoicedOn() : last;
            }
        }
        List<SalesSummary.Line> lines = new ArrayList<>();
        byCurrency.forEach((currency, sums) -> lines.add(new SalesSummary.Line(money(sums[0], currency),
                money(sums[1], currency))));
        return new CustomerSales(services, lines.isEmpty() ? SalesSummary.NONE : new SalesSummary(lines, last));
    }

    private static Money money(BigDecimal amount, String currency) {
        return new Money(amount, Currency.getInstance(currency));
    }
}
