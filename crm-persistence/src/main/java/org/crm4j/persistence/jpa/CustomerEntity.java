package org.crm4j.persistence.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.CustomerKind;
import org.crm4j.common.NameKeys;
import org.crm4j.customer.store.CustomerRecord;
import org.crm4j.customer.CustomerStatus;

/**
 * A customer row ({@code crm_customer}) with its tags, categories and external references.
 * The collections are lazy; each use case fetches what it needs in its query.
 */
@Entity(name = "Customer")
@Table(name = "crm_customer")
class CustomerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_customer_seq")
    @SequenceGenerator(name = "crm_customer_seq", sequenceName = "crm_customer_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    CustomerKind kind;

    @Column(nullable = false, length = 200)
    String name;

    /** The name in lower case, compared by code point: the sort and prefix-search key. */
    @Column(name = "name_key", nullable = false, length = 200)
    String nameKey;

    /** The name's key for the duplicate check ({@link NameKeys}), null when it has none. */
    @Column(name = "match_key", length = NameKeys.MAX_LENGTH)
    String matchKey;

    @Column(name = "tax_id", length = 50)
    String taxId;

    @Column(length = 100)
    String industry;

    @Column(length = 10)
    String rating;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    CustomerStatus status;

    @Column(name = "owner_id", nullable = false, length = 100)
    String ownerId;

    @Embedded
    AddressColumns address;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "crm_customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag", nullable = false, length = 50)
    Set<String> tags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "crm_customer_category", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "category", nullable = false, length = 50)
    Set<String> categories = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "crm_external_ref", joinColumns = @JoinColumn(name = "customer_id"))
    Set<ExternalRefValue> externalRefs = new HashSet<>();

    /** For Hibernate. */
    protected CustomerEntity() {
    }

    /**
     * @param record a new customer
     * @return an entity to persist
     */
    static CustomerEntity of(CustomerRecord record) {
        CustomerEntity e = new CustomerEntity();
        e.copyFrom(record);
        return e;
    }

    /**
     * Copies the state of a record, all but its id and version; collections are changed in
     * place, so that Hibernate writes only the rows that differ.
     *
     * @param record the new state
     */
    void copyFrom(CustomerRecord record) {
        kind = record.kind();
        name = record.name();
        nameKey = record.nameKey();
        matchKey = NameKeys.normalize(record.name());
        taxId = record.taxId();
        industry = record.industry();
        rating = record.rating();
        status = record.status();
        ownerId = record.ownerId();
        address = AddressColumns.of(record.address());
        createdAt = record.createdAt();
        updatedAt = record.updatedAt();
        replace(tags, record.tags());
        replace(categories, record.categories());
        replace(externalRefs, record.externalRefs().stream().map(ExternalRefValue::of).collect(Collectors.toSet()));
    }

    /** @return the stored state */
    CustomerRecord toRecord() {
        return new CustomerRecord(id, version, kind, name, taxId, industry, tags, rating, categories, status, ownerId,
                AddressColumns.toAddress(address), refs(), createdAt, updatedAt);
    }

    /** @return the external references as values */
    Set<ExternalRef> refs() {
        return externalRefs.stream().map(ExternalRefValue::toRef).collect(Collectors.toSet());
    }

    /**
     * Makes a set equal to another by removing and adding only what differs.
     *
     * @param target a (persistent) set
     * @param wanted what it shall hold
     * @param <T> the element type
     */
    static <T> void replace(Set<T> target, Set<T> wanted) {
        target.retainAll(wanted);
        target.addAll(wanted);
    }
}
