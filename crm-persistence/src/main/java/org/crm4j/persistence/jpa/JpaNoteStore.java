package org.crm4j.persistence.jpa;

import java.util.List;
import org.crm4j.customer.store.NoteRecord;
import org.crm4j.store.NoteStore;

/** Notes in the JPA store. */
final class JpaNoteStore implements NoteStore {
    private final JpaTransaction tx;

    JpaNoteStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public NoteRecord insert(NoteRecord note) {
        NoteEntity entity = NoteEntity.of(note);
        tx.writing().persist(entity);
        return entity.toRecord();
    }

    @Override
    public List<NoteRecord> latest(long customerId, int limit) {
        return tx.session().createSelectionQuery("from Note n where n.customerId = :customer"
                        + " order by n.createdAt desc, n.id desc" + Limits.literal(limit), NoteEntity.class)
                .setParameter("customer", customerId)
                .getResultList().stream().map(NoteEntity::toRecord).toList();
    }

    @Override
    public java.util.Optional<NoteRecord> find(long id) {
        return java.util.Optional.ofNullable(tx.session().find(NoteEntity.class, id)).map(NoteEntity::toRecord);
    }
}
