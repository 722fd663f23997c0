package org.crm4j.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.TaxIds;
import org.crm4j.customer.store.CustomerRecord;

/**
 * A customer (R1): a company or a natural person, with its tax id, industry, tags,
 * classification, owner (the responsible salesperson), main address and references to records
 * of the host's ERP.
 *
 * <p>A customer is an aggregate with behaviour: get it from {@link Customers#get}, change it
 * with its methods ({@link #rename}, {@link #archive}, {@link #assignOwner} ...), and write the
 * change with {@link Customers#save}, which checks every rule at once, checks that nobody else
 * changed it meanwhile (its {@link #version()}) and records what happened as domain events.
 * Instances are not thread-safe.
 */
public final class Customer {
    private final CustomerId id;
    private final long version;
    private final CustomerKind kind;
    @NotBlank
    @Size(max = 200)
    private String name;
    @Size(max = 50)
    private String taxId;
    @Size(max = 100)
    private String industry;
    @Size(max = 50)
    private final Set<@NotBlank @Size(max = 50) String> tags;
    @NotNull
    @Valid
    private Classification classification;
    @NotNull
    private CustomerStatus status;
    @NotBlank
    @Size(max = 100)
    private String ownerId;
    /** What saving a new owner does with the open records; not stored. */
    private HandOver handOver = HandOver.MOVE_OPEN_RECORDS;
    private Address address;
    @Size(max = 20)
    private final Set<ExternalRef> externalRefs;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Customer(CustomerRecord r) {
        this.id = r.id() == 0 ? null : CustomerId.of(r.id());
        this.version = r.version();
        this.kind = r.kind();
        this.name = r.name();
        this.taxId = r.taxId();
        this.industry = r.industry();
        this.tags = new LinkedHashSet<>(r.tags());
        this.classification = new Classification(r.rating(), r.categories());
        this.status = r.status();
        this.ownerId = r.ownerId();
        this.address = r.address();
        this.externalRefs = new LinkedHashSet<>(r.externalRefs());
        this.createdAt = r.createdAt();
        this.updatedAt = r.updatedAt();
    }

    /**
     * Rebuilds a customer from its stored state. Used by the runtime and by store adapters.
     *
     * @param state the stored state
     * @return the customer
     */
    public static Customer fromRecord(CustomerRecord state) {
        return new Customer(ValidationException.requireNonNull(state, "state"));
    }

    /** @return the state to store, with the version this customer was read at */
    public CustomerRecord toRecord() {
        return new CustomerRecord(id == null ? 0 : id.value(), version, kind, name, taxId, industry, tags,
                classification.rating(), classification.categories(), status, ownerId, address, externalRefs,
                createdAt, updatedAt);
    }

    /**
     * @param name the new name, 1 to 200 characters
     * @return this customer
     */
    public Customer rename(String name) {
        this.name = name == null ? null : name.strip();
        return this;
    }

    /**
     * @param taxId the new tax / VAT id, or null to clear it; normalised (upper case, no spaces,
     *     dots or dashes)
     * @return this customer
     */
    public Customer changeTaxId(String taxId) {
        this.taxId = TaxIds.normalize(taxId);
        return this;
    }

    /**
     * @param industry the industry, or null to clear it
     * @return this customer
     */
    public Customer changeIndustry(String industry) {
        this.industry = industry == null || industry.isBlank() ? null : industry.strip();
        return this;
    }

    /**
     * @param newTags tags to add
     * @return this customer
     */
    public Customer tag(String... newTags) {
        ValidationException.requireNonNull(newTags, "tags");
        for (String tag : newTags) {
            tags.add(tag == null ? "" : tag.strip());
        }
        return this;
    }

    /**
     * @param oldTags tags to remove, stripped like {@link #tag}
     * @return this customer
     */
    public Customer untag(String... oldTags) {
        ValidationException.requireNonNull(oldTags, "tags");
        for (String tag : oldTags) {
            tags.remove(tag == null ? "" : tag.strip());
        }
        return this;
    }

    /**
     * @param classification the new rating and categories
     * @return this customer
     */
    public Customer classify(Classification classification) {
        this.classification = classification == null ? Classification.NONE : classification;
        return this;
    }

    /**
     * @param address the new main address, or null to clear it
     * @return this customer
     */
    public Customer moveTo(Address address) {
        this.address = address;
        return this;
    }

    /**
     * Hands the customer to another salesperson. Only the owner, the owner's superiors and
     * administrators may save this; the change is recorded in the owner history.
     *
     * @param userId the new owner, a user the directory knows
     * @return this customer
     */
    public Customer assignOwner(String userId) {
        return assignOwner(userId, HandOver.MOVE_OPEN_RECORDS);
    }

    /**
     * Hands the customer to another salesperson, saying what becomes of the work open on it: by
     * default ({@link #assignOwner(String)}) the customer's open deals, open leads and planned
     * activities go with it, and the notices about it move to the new owner's inbox.
     *
     * @param userId the new owner, a user the directory knows
     * @param handOver what happens to the records open on the customer
     * @return this customer
     */
    public Customer assignOwner(String userId, HandOver handOver) {
        this.ownerId = userId == null ? null : userId.strip();
        this.handOver = handOver == null ? HandOver.MOVE_OPEN_RECORDS : handOver;
        return this;
    }

    /** @return what saving an owner change does with the records open on the customer */
    public HandOver handOver() {
        return handOver;
    }

    /**
     * @param ref a reference to a record of the ERP; unique per system across all customers
     * @return this customer
     */
    public Customer addExternalRef(ExternalRef ref) {
        externalRefs.add(ValidationException.requireNonNull(ref, "externalRef"));
        return this;
    }

    /**
     * @param ref a reference to remove
     * @return this customer
     */
    public Customer removeExternalRef(ExternalRef ref) {
        externalRefs.remove(ref);
        return this;
    }

    /**
     * Archives the customer: it leaves default lists and searches but keeps everything (R5).
     *
     * @return this customer
     * @throws ValidationException when it is archived already
     */
    public Customer archive() {
        if (status == CustomerStatus.ARCHIVED) {
            throw new ValidationException("status", "Active", "customer " + id + " is archived already");
        }
        status = CustomerStatus.ARCHIVED;
        return this;
    }

    /**
     * Brings an archived customer back into default lists.
     *
     * @return this customer
     * @throws ValidationException when it is active
     */
    public Customer reactivate() {
        if (status == CustomerStatus.ACTIVE) {
            throw new ValidationException("status", "Archived", "customer " + id + " is active already");
        }
        status = CustomerStatus.ACTIVE;
        return this;
    }

    /** @return the id; null only before the customer was first saved */
    public CustomerId id() {
        return id;
    }

    /** @return the version this customer was read at */
    public long version() {
        return version;
    }

    /** @return company or person */
    public CustomerKind kind() {
        return kind;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the normalised tax / VAT id */
    public Optional<String> taxId() {
        return Optional.ofNullable(taxId);
    }

    /** @return the industry */
    public Optional<String> industry() {
        return Optional.ofNullable(industry);
    }

    /** @return the tags */
    public Set<String> tags() {
        return Collections.unmodifiableSet(tags);
    }

    /** @return rating and categories */
    public Classification classification() {
        return classification;
    }

    /** @return active or archived */
    public CustomerStatus status() {
        return status;
    }

    /** @return whether the customer is archived */
    public boolean isArchived() {
        return status == CustomerStatus.ARCHIVED;
    }

    /** @return the owner's user id */
    public String ownerId() {
        return ownerId;
    }

    /** @return the main address */
    public Optional<Address> address() {
        return Optional.ofNullable(address);
    }

    /** @return references to records of other systems */
    public Set<ExternalRef> externalRefs() {
        return Collections.unmodifiableSet(externalRefs);
    }

    /** @return when it was created */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Customer[" + id + ", " + name + ", v" + version + "]";
    }
}
