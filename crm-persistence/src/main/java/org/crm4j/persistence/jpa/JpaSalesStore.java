package org.crm4j.persistence.jpa;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.sales.DocumentKind;
import org.crm4j.sales.InvoiceBalance;
import org.crm4j.sales.SalesDocumentId;
import org.crm4j.common.BillingPeriod;
import org.crm4j.customer.SalesSummary;
import org.crm4j.customer.ServiceSummary;
import org.crm4j.sales.store.CustomerSales;
import org.crm4j.sales.store.RenewalDue;
import org.crm4j.sales.store.DocumentRecord;
import org.crm4j.sales.store.PaymentRecord;
import org.crm4j.sales.store.SalesStore;
import org.crm4j.sales.store.ServiceRecord;
import org.crm4j.store.Visibility;
import org.hibernate.query.SelectionQuery;

/**
 * Services, sales documents and payments in the JPA store; need-to-know (the customer's owner or
 * the salesperson) in every query that takes a visibility, through {@link NeedToKnow}.
 */
final class JpaSalesStore implements SalesStore {
    private static final String WITH_LINES = "select distinct d from SalesDocument d left join fetch d.lines";

    private final JpaTransaction tx;

    JpaSalesStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public ServiceRecord insertService(ServiceRecord service) {
        ServiceContractEntity e = ServiceContractEntity.of(service);
        tx.writing().persist(e);
        tx.flush();
        return service.stored(e.id, e.version);
    }

    @Override
    public ServiceRecord updateService(ServiceRecord changed, long readVersion) {
        return changed.stored(changed.id(), update(ServiceContractEntity.class, changed.id(), "Service", readVersion,
                x -> x.version, x -> x.copyFrom(changed)));
    }

    /** Applies a change to a stored entity at the version it was read at; returns the new version. */
    private <E> long update(Class<E> type, long id, String what, long readVersion,
            java.util.function.ToLongFunction<E> version, java.util.function.Consumer<E> copy) {
        return tx.updateVersioned(tx.writing().find(type, id), what + " " + id, readVersion, version, copy, tx::flush);
    }

    @Override
    public Optional<ServiceRecord> service(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        return ntk.select("select s from ServiceContract s where s.id = :id and "
                        + ntk.record("s.customerId", "s.salespersonId"), ServiceContractEntity.class)
                .setParameter("id", id).getResultList().stream().findFirst().map(ServiceContractEntity::toRecord);
    }

    @Override
    public boolean serviceExists(long id) {
        return !tx.session().createSelectionQuery("select s.id from ServiceContract s where s.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<ServiceRecord> servicesOf(long customerId, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        return ntk.select("select s from ServiceContract s where s.customerId = :customer and "
                        + ntk.recordOf("s.salespersonId", "customer") + " order by s.startsOn desc, s.id desc",
                        ServiceContractEntity.class)
                .setParameter("customer", customerId).getResultList().stream().map(ServiceContractEntity::toRecord)
                .toList();
    }

    @Override
    public Optional<Long> serviceByRef(ExternalRef ref) {
        return tx.session().createSelectionQuery("select s.id from ServiceContract s where s.externalSystem = :system"
                        + " and s.externalId = :ref", Long.class)
                .setParameter("system", ref.system()).setParameter("ref", ref.id()).getResultList().stream().findFirst();
    }

    @Override
    public Optional<DocumentRecord> documentByRef(ExternalRef ref) {
        return tx.session().createSelectionQuery(WITH_LINES + " where d.externalSystem = :system and d.externalId = :ref",
                        SalesDocumentEntity.class)
                .setParameter("system", ref.system()).setParameter("ref", ref.id()).getResultList().stream().findFirst()
                .map(SalesDocumentEntity::toRecord);
    }

    @Override
    public DocumentRecord insertDocument(DocumentRecord document) {
        SalesDocumentEntity e = SalesDocumentEntity.of(document);
        tx.writing().persist(e);
        tx.flush();
        return document.stored(e.id, e.version);
    }

    @Override
    public List<DocumentRecord> insertDocuments(List<DocumentRecord> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        org.hibernate.Session session = tx.writing();
        session.flush();
        long[] ids = BulkInsert.pooledIds(session, "crm_sales_document_seq", documents.size());
        List<DocumentRecord> stored = new ArrayList<>(documents.size());
        for (int i = 0; i < ids.length; i++) {
            stored.add(documents.get(i).stored(ids[i], 0));
        }
        try {
            BulkInsert.salesDocuments(session, stored);
        } catch (RuntimeException e) {
            throw PersistenceExceptionConverter.translate(e);
        }
        return stored;
    }

    @Override
    public Map<ExternalRef, DocumentRecord> documentsByRefs(java.util.Collection<ExternalRef> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        // by the ERP's ids alone, through their own index (V32): with "external_system = ?" beside the
        // list, H2 read every document of the system through the unique key and tested each against the
        // list (half of an ERP history's import); the system is checked here. The documents first,
        // without their lines: most of a history's references are new, and PostgreSQL joined a batch's
        // list to every line stored so far (a fifth of a 1,000,000-line import)
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (ExternalRef ref : refs) {
            ids.add(ref.id());
        }
        java.util.Set<ExternalRef> wanted = new java.util.HashSet<>(refs);
        List<Long> found = new java.util.ArrayList<>();
        InList.bind(tx.session().createSelectionQuery(InList.expand("select d.id, d.externalSystem, d.externalId"
                        + " from SalesDocument d where d.externalId in :ids", "ids", ids), Object[].class), "ids", ids)
                .getResultList().forEach(r -> {
                    if (wanted.contains(ExternalRef.of((String) r[1], (String) r[2]))) {
                        found.add((Long) r[0]);
                    }
                });
        Map<ExternalRef, DocumentRecord> out = new java.util.HashMap<>();
        if (!found.isEmpty()) {
            InList.bind(tx.session().createSelectionQuery(InList.expand(WITH_LINES + " where d.id in :ids", "ids",
                    found), SalesDocumentEntity.class), "ids", found).getResultList().forEach(e -> {
                        DocumentRecord r = e.toRecord();
                        out.put(r.externalRef(), r);
                    });
        }
        return out;
    }

    @Override
    public DocumentRecord updateDocument(DocumentRecord changed, long readVersion) {
        return changed.stored(changed.id(), update(SalesDocumentEntity.class, changed.id(), "Sales document",
                readVersion, x -> x.version, x -> x.copyFrom(changed)));
    }

    @Override
    public Optional<DocumentRecord> document(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        return ntk.select(WITH_LINES + " where d.id = :id and " + ntk.record("d.customerId", "d.salespersonId"),
                        SalesDocumentEntity.class)
                .setParameter("id", id).getResultList().stream().findFirst().map(SalesDocumentEntity::toRecord);
    }

    @Override
    public boolean documentExists(long id) {
        return !tx.session().createSelectionQuery("select d.id from SalesDocument d where d.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public List<DocumentRecord> documentsOf(long customerId, Visibility visibility, int limit) {
        return documentsMatching(customerId, null, null, visibility, limit);
    }

    @Override
    public List<DocumentRecord> documentsMatching(long customerId, String productCode, ExternalRef ref,
            Visibility visibility, int limit) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        // the page's ids first (a fetch join cannot be limited), then the page with its lines
        SelectionQuery<Long> query = ntk.select("select d.id from SalesDocument d where d.customerId = :customer and "
                        + ntk.recordOf("d.salespersonId", "customer")
                        + (productCode == null ? "" : " and exists (select 1 from d.lines l where l.productCode = :product)")
                        + (ref == null ? "" : " and d.externalSystem = :system and d.externalId = :ref")
                        + " order by coalesce(d.invoicedOn, d.orderedOn) desc, d.id desc" + Limits.literal(limit),
                        Long.class)
                .setParameter("customer", customerId);
        if (productCode != null) {
            query.setParameter("product", productCode);
        }
        if (ref != null) {
            query.setParameter("system", ref.system()).setParameter("ref", ref.id());
        }
        List<Long> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, DocumentRecord> byId = new TreeMap<>();
        InList.bind(tx.session().createSelectionQuery(InList.expand(WITH_LINES + " where d.id in :ids", "ids", ids),
                        SalesDocumentEntity.class), "ids", ids).getResultList()
                .forEach(e -> byId.put(e.id, e.toRecord()));
        List<DocumentRecord> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            out.add(byId.get(id));
        }
        return out;
    }

    @Override
    public List<ServiceRecord> servicesMatching(long customerId, String productCode, ExternalRef ref,
            Visibility visibility, int limit) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        SelectionQuery<ServiceContractEntity> query = ntk.select("select s from ServiceContract s"
                        + " where s.customerId = :customer and " + ntk.recordOf("s.salespersonId", "customer")
                        + (productCode == null ? "" : " and s.productCode = :product")
                        + (ref == null ? "" : " and s.externalSystem = :system and s.externalId = :ref")
                        + " order by s.startsOn desc, s.id desc" + Limits.literal(limit), ServiceContractEntity.class)
                .setParameter("customer", customerId);
        if (productCode != null) {
            query.setParameter("product", productCode);
        }
        if (ref != null) {
            query.setParameter("system", ref.system()).setParameter("ref", ref.id());
        }
        return query.getResultList().stream().map(ServiceContractEntity::toRecord).toList();
    }

    @Override
    public void linkRequest(long requestId, long serviceId, String by, java.time.Instant at) {
        upsert(ServiceRequestEntity.class, requestId, () -> {
            ServiceRequestEntity link = new ServiceRequestEntity();
            link.requestId = requestId;
            return link;
        }, link -> {
            link.serviceId = serviceId;
            link.linkedBy = by;
            link.linkedAt = at;
        });
    }

    /** Changes the row of that key, or a new one made for it: an upsert in the session. */
    private <E> void upsert(Class<E> type, Object key, java.util.function.Supplier<E> fresh,
            java.util.function.Consumer<E> change) {
        org.hibernate.Session session = tx.writing();
        E row = session.find(type, key);
        boolean first = row == null;
        if (first) {
            row = fresh.get();
        }
        change.accept(row);
        if (first) {
            session.persist(row);
        }
    }

    @Override
    public Optional<Long> serviceOfRequest(long requestId) {
        return Optional.ofNullable(tx.session().find(ServiceRequestEntity.class, requestId)).map(l -> l.serviceId);
    }

    @Override
    public List<Long> requestsOfService(long serviceId, int limit) {
        return tx.session().createSelectionQuery("select l.requestId from ServiceRequest l where l.serviceId = :service"
                        + " order by l.linkedAt desc, l.requestId desc" + Limits.literal(limit), Long.class)
                .setParameter("service", serviceId).getResultList();
    }

    @Override
    public List<RenewalDue> renewalsDue(LocalDate today, int leadDays, java.util.Set<String> products, boolean except,
            int limit) {
        if (products.isEmpty() && !except) {
            return List.of();
        }
        String byProduct = products.isEmpty() ? "" : " and s.productCode " + (except ? "not in" : "in") + " :products";
        SelectionQuery<Object[]> query = tx.session().createSelectionQuery("select s, c.name, c.ownerId"
                        + " from ServiceContract s join Customer c on c.id = s.customerId"
                        + " where s.noticeBy <= :horizon and s.endsOn >= :today and s.cancelledOn is null"
                        + " and c.status = :active" + byProduct
                        + " and not exists (select 1 from Notice n where n.key = concat('" + RenewalDue.KEY_PREFIX
                        + "', cast(s.id as String), ':', cast(s.endsOn as String)))"
                        + " order by s.noticeBy, s.id", Object[].class)
                .setParameter("horizon", today.plusDays(leadDays)).setParameter("today", today)
                .setParameter("active", org.crm4j.customer.CustomerStatus.ACTIVE).setMaxResults(limit);
        if (!products.isEmpty()) {
            query.setParameter("products", products);
        }
        return query.getResultList().stream().map(r -> new RenewalDue(((ServiceContractEntity) r[0]).toRecord(),
                (String) r[1], (String) r[2])).toList();
    }

    @Override
    public org.crm4j.sales.CommissionPlan insertPlan(org.crm4j.sales.CommissionPlan plan) {
        CommissionPlanEntity e = CommissionPlanEntity.of(plan, java.time.Instant.now());
        tx.writing().persist(e);
        tx.flush();
        return e.toPlan();
    }

    @Override
    public List<org.crm4j.sales.CommissionPlan> plans() {
        return tx.session().createSelectionQuery("from CommissionPlan p order by p.id", CommissionPlanEntity.class)
                .getResultList().stream().map(CommissionPlanEntity::toPlan).toList();
    }

    /** A line's share of the plan's basis: its net amount, or its margin (nothing when its cost is not known). */
    private static String lineBasis(org.crm4j.sales.CommissionBasis basis) {
        return basis == org.crm4j.sales.CommissionBasis.NET ? "l.net_amount"
                : "case when l.line_cost is null then 0 else l.net_amount - l.line_cost end";
    }

    /*
     * One aggregate per statement part. Per payment: each payment's share of its invoice's basis per
     * product group. Paid in full: the day the invoice's payments, added up in their order, first
     * reach its gross less what credit notes took off it.
     */
    @Override
    public List<org.crm4j.sales.store.EarningRow> earnings(String salespersonId, String currency,
            org.crm4j.sales.CommissionBasis basis, org.crm4j.sales.CommissionEarning earning, LocalDate from,
            LocalDate to) {
        String sql = earning == org.crm4j.sales.CommissionEarning.PER_PAYMENT
                ? "select p.paid_on, d.id, d.external_system, d.external_id, l.product_group,"
                        + " sum(" + lineBasis(basis) + ") * p.amount / d.gross"
                        + " from crm_payment p join crm_sales_document d on d.id = p.invoice_id"
                        + " join crm_sales_line l on l.document_id = d.id"
                        + " where d.kind = 'INVOICE' and d.salesperson_id = :salesperson and d.currency = :currency"
                        + " and d.gross > 0 and p.paid_on between :from and :to"
                        + " group by p.id, p.paid_on, d.id, d.external_system, d.external_id, l.product_group,"
                        + " p.amount, d.gross"
                        + " order by p.paid_on, d.id, p.id, l.product_group"
                : "select f.paid_on, d.id, d.external_system, d.external_id, l.product_group,"
                        + " sum(" + lineBasis(basis) + ")"
                        + " from (select x.invoice_id, min(x.paid_on) as paid_on from"
                        + " (select p.invoice_id, p.paid_on, sum(p.amount) over (partition by p.invoice_id"
                        + " order by p.paid_on, p.id) as paid from crm_payment p"
                        + " join crm_sales_document i on i.id = p.invoice_id where i.kind = 'INVOICE'"
                        + " and i.salesperson_id = :salesperson and i.currency = :currency) x"
                        + " join crm_sales_document g on g.id = x.invoice_id"
                        + " where x.paid >= g.gross - coalesce((select sum(c.gross) from crm_sales_document c"
                        + " where c.reverses_id = g.id and c.kind = 'CREDIT_NOTE'), 0)"
                        + " group by x.invoice_id) f"
                        + " join crm_sales_document d on d.id = f.invoice_id"
                        + " join crm_sales_line l on l.document_id = d.id"
                        + " where f.paid_on between :from and :to"
                        + " group by f.paid_on, d.id, d.external_system, d.external_id, l.product_group"
                        + " order by f.paid_on, d.id, l.product_group";
        return earningRows(tx.session().createNativeQuery(sql, Object[].class)
                .addSynchronizedQuerySpace("crm_payment").addSynchronizedQuerySpace("crm_sales_document")
                .setParameter("salesperson", salespersonId).setParameter("currency", currency)
                .setParameter("from", from).setParameter("to", to).getResultList());
    }

    @Override
    public List<org.crm4j.sales.store.EarningRow> clawbacks(String salespersonId, String currency,
            org.crm4j.sales.CommissionBasis basis, int clawbackDays, LocalDate from, LocalDate to) {
        String sql = "select c.invoiced_on, c.id, c.external_system, c.external_id, l.product_group,"
                + " sum(" + lineBasis(basis) + ")"
                + " from crm_sales_document c join crm_sales_document d on d.id = c.reverses_id"
                + " join crm_sales_line l on l.document_id = c.id"
                + " where c.kind = 'CREDIT_NOTE' and d.salesperson_id = :salesperson and d.currency = :currency"
                + " and c.invoiced_on between :from and :to"
                + " and exists (select 1 from crm_payment p where p.invoice_id = d.id and p.paid_on <= c.invoiced_on"
                + " and p.paid_on + cast(:days as integer) >= c.invoiced_on)"
                + " group by c.invoiced_on, c.id, c.external_system, c.external_id, l.product_group"
                + " order by c.invoiced_on, c.id, l.product_group";
        return earningRows(tx.session().createNativeQuery(sql, Object[].class)
                .addSynchronizedQuerySpace("crm_payment").addSynchronizedQuerySpace("crm_sales_document")
                .setParameter("salesperson", salespersonId).setParameter("currency", currency)
                .setParameter("from", from).setParameter("to", to).setParameter("days", clawbackDays)
                .getResultList());
    }

    private static List<org.crm4j.sales.store.EarningRow> earningRows(List<Object[]> rows) {
        List<org.crm4j.sales.store.EarningRow> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(new org.crm4j.sales.store.EarningRow(date(r[0]), ((Number) r[1]).longValue(),
                    ExternalRef.of((String) r[2], (String) r[3]), (String) r[4], decimal(r[5])));
        }
        return out;
    }

    @Override
    public Optional<String> checkpoint(String sourceId) {
        return Optional.ofNullable(tx.session().find(SalesSourceEntity.class, sourceId)).map(s -> s.checkpoint);
    }

    @Override
    public void saveCheckpoint(String sourceId, String checkpoint, java.time.Instant at) {
        upsert(SalesSourceEntity.class, sourceId, () -> {
            SalesSourceEntity source = new SalesSourceEntity();
            source.sourceId = sourceId;
            return source;
        }, source -> {
            source.checkpoint = checkpoint;
            source.pulledAt = at;
        });
    }

    @Override
    public List<DocumentRecord> documentsOfDeal(long opportunityId) {
        return tx.session().createSelectionQuery(WITH_LINES + " where d.opportunityId = :deal order by d.id",
                        SalesDocumentEntity.class)
                .setParameter("deal", opportunityId).getResultList().stream().map(SalesDocumentEntity::toRecord)
                .toList();
    }

    @Override
    public Optional<PaymentRecord> paymentByRef(ExternalRef ref) {
        return tx.session().createSelectionQuery("select p from Payment p where p.externalSystem = :system"
                        + " and p.externalId = :ref", PaymentEntity.class)
                .setParameter("system", ref.system()).setParameter("ref", ref.id()).getResultList().stream().findFirst()
                .map(PaymentEntity::toRecord);
    }

    @Override
    public PaymentRecord insertPayment(PaymentRecord payment) {
        PaymentEntity e = PaymentEntity.of(payment);
        tx.writing().persist(e);
        tx.flush();
        return payment.stored(e.id, e.version);
    }

    @Override
    public PaymentRecord updatePayment(PaymentRecord changed, long readVersion) {
        return changed.stored(changed.id(), update(PaymentEntity.class, changed.id(), "Payment", readVersion,
                x -> x.version, x -> x.copyFrom(changed)));
    }

    @Override
    public List<InvoiceBalance> balances(long customerId, Long invoiceId, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        SelectionQuery<Object[]> query = ntk.select("select d.id, d.externalSystem, d.externalId, d.invoicedOn,"
                        + " d.dueOn, d.currency, d.gross,"
                        + " coalesce((select sum(p.amount) from Payment p where p.invoiceId = d.id), 0),"
                        + " coalesce((select sum(c.gross) from SalesDocument c where c.reversesId = d.id"
                        + " and c.kind = :credit), 0)"
                        + " from SalesDocument d where d.customerId = :customer and d.kind = :invoice"
                        + (invoiceId == null ? "" : " and d.id = :id")
                        + " and " + ntk.recordOf("d.salespersonId", "customer")
                        + " order by d.invoicedOn, d.id", Object[].class)
                .setParameter("customer", customerId).setParameter("invoice", DocumentKind.INVOICE)
                .setParameter("credit", DocumentKind.CREDIT_NOTE);
        if (invoiceId != null) {
            query.setParameter("id", invoiceId);
        }
        return query.getResultList().stream().map(r -> {
            Currency c = Currency.getInstance((String) r[5]);
            return new InvoiceBalance(SalesDocumentId.of((Long) r[0]), ExternalRef.of((String) r[1], (String) r[2]),
                    (LocalDate) r[3], (LocalDate) r[4], new Money((BigDecimal) r[6], c),
                    new Money(decimal(r[7]), c), new Money(decimal(r[8]), c));
        }).toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    /*
     * The card's business in one statement: the running services and, per currency, the summary of
     * the visible invoices and credit notes, as two parts of a union told apart by its first column.
     */
    @Override
    public CustomerSales ofCustomer(long customerId, LocalDate today, LocalDate from, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return CustomerSales.NONE;
        }
        // one select around the union: H2 keeps a parsed union for no second use (it parsed this one on
        // every call, two thirds of its time), but a select it does
        String sql = "select * from (select 0 as part, s.id, s.product_code, s.product_name, s.starts_on, s.ends_on,"
                + " s.billing_period, s.currency, s.price, s.auto_renew, s.notice_days,"
                + " cast(null as numeric(19, 4)) as invoiced, cast(null as numeric(19, 4)) as outstanding,"
                + " cast(null as date) as last_purchase"
                + " from crm_service s where s.customer_id = :customer and s.cancelled_on is null"
                + " and (s.ends_on is null or s.auto_renew = true or s.ends_on >= :today)"
                + " and " + ntk.nativeRecordOf("s.salesperson_id", "customer")
                + " union all"
                + " select 1, null, null, null, null, null, null, d.currency, null, null, null,"
                + " sum(case when d.invoiced_on >= :from then"
                + " case when d.kind = 'INVOICE' then d.net else -d.net end else 0 end),"
                + " sum(case when d.kind = 'INVOICE' then d.gross"
                + " - coalesce((select sum(p.amount) from crm_payment p where p.invoice_id = d.id), 0)"
                + " - coalesce((select sum(c.gross) from crm_sales_document c where c.reverses_id = d.id"
                + " and c.kind = 'CREDIT_NOTE'), 0) else 0 end),"
                + " max(case when d.kind = 'INVOICE' then d.invoiced_on end)"
                + " from crm_sales_document d where d.customer_id = :customer and d.kind <> 'ORDER'"
                + " and " + ntk.nativeRecordOf("d.salesperson_id", "customer")
                + " group by d.currency"
                + " union all"
                // payments on account lower what is outstanding, seen by the customer's line
                + " select 1, null, null, null, null, null, null, p.currency, null, null, null, 0, -sum(p.amount), null"
                + " from crm_payment p where p.customer_id = :customer and p.invoice_id is null"
                + " and " + ntk.nativeCustomerLineOf("customer")
                + " group by p.currency) t"
                + " order by 1, 5 desc, 2 desc, 8";
        List<Object[]> rows = ntk.nativeSelect(sql, Object[].class)
                .addSynchronizedQuerySpace("crm_service").addSynchronizedQuerySpace("crm_sales_document")
                .addSynchronizedQuerySpace("crm_payment")
                .setParameter("customer", customerId).setParameter("today", today).setParameter("from", from)
                .getResultList();
        List<ServiceSummary> services = new ArrayList<>();
        List<SalesSummary.Line> lines = new ArrayList<>();
        Map<Currency, BigDecimal[]> byCurrency = new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
        LocalDate last = null;
        for (Object[] r : rows) {
            Currency c = Currency.getInstance(((String) r[7]).trim());
            if (((Number) r[0]).intValue() == 0) {
                services.add(new ServiceSummary(((Number) r[1]).longValue(), (String) r[2], (String) r[3], date(r[4]),
                        date(r[5]), BillingPeriod.valueOf(((String) r[6]).trim()), new Money(decimal(r[8]), c),
                        (Boolean) r[9], ((Number) r[10]).intValue()));
            } else {
                // a currency's documents, and its payments on account, as rows of their own
                BigDecimal[] sums = byCurrency.computeIfAbsent(c, k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO});
                sums[0] = sums[0].add(decimal(r[11]));
                sums[1] = sums[1].add(decimal(r[12]));
                LocalDate day = date(r[13]);
                last = day != null && (last == null || day.isAfter(last)) ? day : last;
            }
        }
        byCurrency.forEach((c, sums) -> lines.add(new SalesSummary.Line(new Money(sums[0], c), new Money(sums[1], c))));
        return new CustomerSales(services, lines.isEmpty() ? SalesSummary.NONE : new SalesSummary(lines, last));
    }

    /** A date as a native query gives it. */
    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
