package org.crm4j.internal.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crm4j.AccessDeniedException;
import org.crm4j.CrmException;
import org.crm4j.NotFoundException;
import org.crm4j.ValidationException;
import org.crm4j.access.Actor;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.CustomerDocumentId;
import org.crm4j.document.CustomerDocuments;
import org.crm4j.document.NewCustomerDocument;
import org.crm4j.document.store.CustomerDocumentStore;
import org.crm4j.event.EventTypes;
import org.crm4j.internal.Assert;
import org.crm4j.internal.Runtime;
import org.crm4j.internal.StoredValues;
import org.crm4j.internal.customer.CustomerService;
import org.crm4j.pipeline.store.OfferRecord;
import org.crm4j.pipeline.store.OpportunityRecord;
import org.crm4j.sales.store.SalesStore;
import org.crm4j.sales.store.ServiceRecord;
import org.crm4j.store.EventStore;
import org.crm4j.store.OfferStore;
import org.crm4j.store.OpportunityStore;
import org.crm4j.store.StoreTransaction;
import org.crm4j.store.Visibility;

/**
 * The documents kept on customers (R12). A document is the record of its owner on its customer:
 * the offer's deal owner, the service's salesperson, or whoever kept another paper, fixed when it
 * is kept; the stores apply the rule in their queries.
 */
public final class DocumentService implements CustomerDocuments {
    private static final String DOCUMENT = "document";

    private final Runtime rt;
    private final Actor actor;

    /**
     * @param rt the runtime
     * @param actor who acts
     */
    public DocumentService(Runtime rt, Actor actor) {
        this.rt = rt;
        this.actor = actor;
    }

    private Visibility visibility() {
        return rt.access().visibilityOf(actor);
    }

    @Override
    public CustomerDocument keep(NewCustomerDocument document) {
        Assert.notNull(document, "document");
        document.check();
        byte[] content = document.content();
        String sha256 = sha256(content);
        List<ValidationException.Violation> broken = new java.util.ArrayList<>();
        if (StoredValues.broken(document.title())) {
            broken.add(StoredValues.violation("title"));
        }
        if (StoredValues.broken(document.fileName())) {
            broken.add(StoredValues.violation("fileName"));
        }
        if (!broken.isEmpty()) {
            throw new ValidationException(broken);
        }
        Instant now = rt.now();
        return rt.store().inTransaction(tx -> {
            Visibility mine = visibility();
            long customerId;
            String ownerId;
            switch (document.origin()) {
                case OFFER -> {
                    OfferRecord offer = tx.store(OfferStore.class).find(document.sourceId(), mine)
                            .orElseThrow(() -> tx.store(OfferStore.class).exists(document.sourceId())
                                    ? new AccessDeniedException(actor.id(), "keep a document of offer " + document.sourceId())
                                    : new NotFoundException("offer", document.sourceId()));
                    OpportunityRecord deal = tx.store(OpportunityStore.class).find(offer.opportunityId(),
                            Visibility.everything()).orElseThrow(() -> new NotFoundException("opportunity",
                                    offer.opportunityId()));
                    customerId = deal.customerId();
                    ownerId = deal.ownerId();
                }
                case SERVICE_CONTRACT -> {
                    SalesStore sales = tx.store(SalesStore.class);
                    ServiceRecord service = sales.service(document.sourceId(), mine)
                            .orElseThrow(() -> sales.serviceExists(document.sourceId())
                                    ? new AccessDeniedException(actor.id(), "keep the contract of service "
                                            + document.sourceId())
                                    : new NotFoundException("service", document.sourceId()));
                    customerId = service.customerId();
                    ownerId = service.salespersonId();
                }
                default -> {
                    CustomerRecord customer = CustomerService.openableCustomer(tx, mine, actor, document.sourceId(),
                            "keep documents on");
                    customerId = customer.id();
                    ownerId = actor.id();
                }
            }
            CustomerDocumentStore store = tx.store(CustomerDocumentStore.class);
            long source = document.origin() == org.crm4j.customer.DocumentOrigin.OTHER ? 0 : document.sourceId();
            var before = store.same(customerId, document.origin(), source, sha256);
            if (before.isPresent()) {
                return before.get();
            }
            CustomerDocument kept = store.insert(new CustomerDocument(null, CustomerId.of(customerId), document.origin(),
                    source, document.title(), document.fileName(), document.mediaType(), content.length, sha256,
                    ownerId, actor.id(), now), content);
            Map<String, String> data = new LinkedHashMap<>();
            data.put("origin", document.origin().name());
            data.put("source", Long.toString(source));
            data.put("title", kept.title());
            data.put("mediaType", kept.mediaType());
            data.put("size", Long.toString(kept.size()));
            tx.store(EventStore.class).append(List.of(rt.event(actor, EventTypes.DOCUMENT_KEPT, DOCUMENT,
                    kept.id().value(), customerId, now, data)));
            return kept;
        });
    }

    @Override
    public List<CustomerDocument> ofCustomer(CustomerId customerId, int limit) {
        Assert.notNull(customerId, "customerId");
        if (limit < 1 || limit > MAX_LIST) {
            throw new ValidationException("limit", "Range", "must be 1 to " + MAX_LIST + ", was " + limit);
        }
        return rt.store().readOnly(tx -> {
            CustomerService.openableCustomer(tx, visibility(), actor, customerId.value(), "see the documents of");
            return tx.store(CustomerDocumentStore.class).ofCustomer(customerId.value(), limit, visibility());
        });
    }

    @Override
    public CustomerDocument get(CustomerDocumentId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> visible(tx, id.value()));
    }

    @Override
    public byte[] content(CustomerDocumentId id) {
        Assert.notNull(id, "id");
        return rt.store().readOnly(tx -> {
            CustomerDocumentStore store = tx.store(CustomerDocumentStore.class);
            return store.content(id.value(), visibility()).orElseThrow(() -> refusal(store, id.value()));
        });
    }

    private CustomerDocument visible(StoreTransaction tx, long id) {
        CustomerDocumentStore store = tx.store(CustomerDocumentStore.class);
        return store.find(id, visibility()).orElseThrow(() -> refusal(store, id));
    }

    private RuntimeException refusal(CustomerDocumentStore store, long id) {
        return store.exists(id) ? new AccessDeniedException(actor.id(), "see document " + id)
                : new NotFoundException(DOCUMENT, id);
    }

    /** @return the SHA-256 of the content in lower-case hex */
    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new CrmException("This Java has no SHA-256: " + e.getMessage());
        }
    }
}
