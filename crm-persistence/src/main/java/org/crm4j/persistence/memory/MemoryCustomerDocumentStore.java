package org.crm4j.persistence.memory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crm4j.ConflictException;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.CustomerDocumentId;
import org.crm4j.customer.DocumentOrigin;
import org.crm4j.document.store.CustomerDocumentStore;
import org.crm4j.store.Visibility;

/** The documents kept on customers. */
final class MemoryCustomerDocumentStore extends MemoryFeatureStore implements CustomerDocumentStore {
    /** Latest first, as the card and the list show them. */
    static final Comparator<CustomerDocument> LATEST_FIRST = Comparator.comparing(CustomerDocument::keptAt)
            .thenComparing(d -> d.id().value()).reversed();

    MemoryCustomerDocumentStore(MemoryTx tx) {
        super(tx);
    }

    @Override
    public CustomerDocument insert(CustomerDocument document, byte[] content) {
        checkWritable();
        if (same(document.customerId().value(), document.origin(), document.sourceId(), document.sha256()).isPresent()) {
            throw new ConflictException("a unique rule of the store is broken (crm_document_same_uk)");
        }
        long id = newId();
        CustomerDocument stored = new CustomerDocument(CustomerDocumentId.of(id), document.customerId(),
                document.origin(), document.sourceId(), document.title(), document.fileName(), document.mediaType(),
                document.size(), document.sha256(), document.ownerId(), document.keptBy(), document.keptAt());
        put(data.keptDocuments, id, stored);
        put(data.documentContents, id, content.clone());
        return stored;
    }

    @Override
    public Optional<CustomerDocument> same(long customerId, DocumentOrigin origin, long sourceId, String sha256) {
        return data.keptDocuments.values().stream().filter(d -> d.customerId().value() == customerId
                && d.origin() == origin && d.sourceId() == sourceId && d.sha256().equals(sha256)).findFirst();
    }

    @Override
    public Optional<CustomerDocument> find(long id, Visibility visibility) {
        return Optional.ofNullable(data.keptDocuments.get(id)).filter(d -> visible(d, visibility));
    }

    @Override
    public boolean exists(long id) {
        return data.keptDocuments.containsKey(id);
    }

    @Override
    public Optional<byte[]> content(long id, Visibility visibility) {
        return find(id, visibility).map(d -> data.documentContents.get(id).clone());
    }

    @Override
    public List<CustomerDocument> ofCustomer(long customerId, int limit, Visibility visibility) {
        return data.keptDocuments.values().stream().filter(d -> d.customerId().value() == customerId)
                .filter(d -> visible(d, visibility)).sorted(LATEST_FIRST).limit(limit).toList();
    }

    private boolean visible(CustomerDocument d, Visibility visibility) {
        return needToKnow.record(visibility, d.customerId().value(), d.ownerId());
    }
}
