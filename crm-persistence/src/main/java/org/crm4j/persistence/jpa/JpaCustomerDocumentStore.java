package org.crm4j.persistence.jpa;

import java.util.List;
import java.util.Optional;
import org.crm4j.customer.CustomerDocument;
import org.crm4j.customer.DocumentOrigin;
import org.crm4j.document.store.CustomerDocumentStore;
import org.crm4j.store.Visibility;

/** The documents kept on customers, in {@code crm_document} and {@code crm_document_content}. */
final class JpaCustomerDocumentStore implements CustomerDocumentStore {
    private final JpaTransaction tx;

    JpaCustomerDocumentStore(JpaTransaction tx) {
        this.tx = tx;
    }

    /* The same document kept twice at once breaks crm_document_same_uk at the flush: a conflict. */
    @Override
    public CustomerDocument insert(CustomerDocument document, byte[] content) {
        KeptDocumentEntity e = KeptDocumentEntity.of(document);
        tx.writing().persist(e);
        KeptDocumentContentEntity c = new KeptDocumentContentEntity();
        c.documentId = e.id;
        c.content = content.clone();
        tx.writing().persist(c);
        tx.flush();
        return e.toDocument();
    }

    @Override
    public Optional<CustomerDocument> same(long customerId, DocumentOrigin origin, long sourceId, String sha256) {
        return tx.session().createSelectionQuery("from KeptDocument d where d.customerId = :customer"
                        + " and d.origin = :origin and d.sourceId = :source and d.sha256 = :sha", KeptDocumentEntity.class)
                .setParameter("customer", customerId).setParameter("origin", origin).setParameter("source", sourceId)
                .setParameter("sha", sha256).getResultList().stream().findFirst().map(KeptDocumentEntity::toDocument);
    }

    @Override
    public Optional<CustomerDocument> find(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        return ntk.select("from KeptDocument d where d.id = :id and " + ntk.record("d.customerId", "d.ownerId"),
                KeptDocumentEntity.class).setParameter("id", id).getResultList().stream().findFirst()
                .map(KeptDocumentEntity::toDocument);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select d.id from KeptDocument d where d.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public Optional<byte[]> content(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        return ntk.select("select c.content from KeptDocumentContent c join KeptDocument d on d.id = c.documentId"
                        + " where d.id = :id and " + ntk.record("d.customerId", "d.ownerId"), byte[].class)
                .setParameter("id", id).getResultList().stream().findFirst();
    }

    @Override
    public List<CustomerDocument> ofCustomer(long customerId, int limit, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        return ntk.select("from KeptDocument d where d.customerId = :customer and "
                        + ntk.recordOf("d.ownerId", "customer") + " order by d.keptAt desc, d.id desc"
                        + Limits.literal(limit), KeptDocumentEntity.class)
                .setParameter("customer", customerId).getResultList().stream().map(KeptDocumentEntity::toDocument)
                .toList();
    }
}
