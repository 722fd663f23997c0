package org.crm4j.persistence.jpa;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.crm4j.customer.CompetitorContract;
import org.crm4j.customer.CustomerStatus;
import org.crm4j.store.CompetitorContractStore;
import org.crm4j.store.EndingContract;
import org.crm4j.store.Visibility;
import org.hibernate.query.SelectionQuery;

/** Customers' contracts with competitors in the JPA store; need-to-know joins the customer's owner. */
final class JpaCompetitorContractStore implements CompetitorContractStore {
    private static final String VISIBLE = "select k from CompetitorContract k join Customer c on c.id = k.customerId";

    private final JpaTransaction tx;

    JpaCompetitorContractStore(JpaTransaction tx) {
        this.tx = tx;
    }

    @Override
    public CompetitorContract insert(long customerId, String supplier, String product, LocalDate endsOn, String note,
            String createdBy, Instant createdAt) {
        CompetitorContractEntity e = new CompetitorContractEntity();
        e.customerId = customerId;
        e.supplier = supplier;
        e.product = product;
        e.endsOn = endsOn;
        e.note = note;
        e.createdBy = createdBy;
        e.createdAt = createdAt;
        tx.writing().persist(e);
        tx.flush();
        return e.toContract();
    }

    @Override
    public List<CompetitorContract> ofCustomer(long customerId, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return List.of();
        }
        SelectionQuery<CompetitorContractEntity> query = ntk.select(VISIBLE
                + " where k.customerId = :customer and " + ntk.customerDetails("c")
                + " order by k.endsOn, k.id", CompetitorContractEntity.class)
                .setParameter("customer", customerId);
        return query.getResultList().stream().map(CompetitorContractEntity::toContract).toList();
    }

    @Override
    public Optional<CompetitorContract> find(long id, Visibility visibility) {
        NeedToKnow ntk = NeedToKnow.of(tx, visibility);
        if (ntk.nothing()) {
            return Optional.empty();
        }
        SelectionQuery<CompetitorContractEntity> query = ntk.select(VISIBLE
                + " where k.id = :id and " + ntk.customerDetails("c"), CompetitorContractEntity.class).setParameter("id", id);
        return query.getResultList().stream().findFirst().map(CompetitorContractEntity::toContract);
    }

    @Override
    public boolean exists(long id) {
        return !tx.session().createSelectionQuery("select k.id from CompetitorContract k where k.id = :id", Long.class)
                .setParameter("id", id).getResultList().isEmpty();
    }

    @Override
    public void delete(long id) {
        tx.writing().createMutationQuery("delete from CompetitorContract k where k.id = :id").setParameter("id", id)
                .executeUpdate();
    }

    @Override
    public List<EndingContract> ending(LocalDate from, LocalDate until, int limit) {
        return tx.session().createSelectionQuery("select k, c.name, c.ownerId from CompetitorContract k"
                + " join Customer c on c.id = k.customerId where k.endsOn between :from and :until"
                + " and c.status = :active and not exists (select 1 from Notice n"
                + " where n.key = concat('competitor-contract:', cast(k.id as String)))"
                + " order by k.endsOn, k.id", Object[].class)
                .setParameter("from", from).setParameter("until", until).setParameter("active", CustomerStatus.ACTIVE)
                .setMaxResults(limit).getResultList().stream()
                .map(row -> new EndingContract(((CompetitorContractEntity) row[0]).toContract(), (String) row[1],
                        (String) row[2]))
                .toList();
    }
}
