package org.crm4j.customer;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.common.Address;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.TaxIds;
import org.crm4j.customer.store.CustomerRecord;

/**
 * What is needed to create a customer; pass it to {@link Customers#create}. Every rule is
 * checked there, all at once.
 *
 * <pre>{@code
 * Customer acme = crm.as(sam).customers().create(
 *         NewCustomer.company("ACME GmbH").taxId("DE 123 456 789").industry("Machinery")
 *                 .tags("key-account").address(Address.of("Berlin", "DE"))
 *                 .externalRef(ExternalRef.of("SAP", "0000104711")));
 * }</pre>
 */
public final class NewCustomer {
    private final CustomerKind kind;
    private final String name;
    private String taxId;
    private String industry;
    private final Set<String> tags = new LinkedHashSet<>();
    private Classification classification = Classification.NONE;
    private String ownerId;
    private Address address;
    private final Set<ExternalRef> externalRefs = new LinkedHashSet<>();

    private NewCustomer(CustomerKind kind, String name) {
        this.kind = kind;
        this.name = name == null ? null : name.strip();
    }

    /**
     * @param name the company's name
     * @return a new company
     */
    public static NewCustomer company(String name) {
        return new NewCustomer(CustomerKind.COMPANY, name);
    }

    /**
     * @param name the person's full name
     * @return a new natural person
     */
    public static NewCustomer person(String name) {
        return new NewCustomer(CustomerKind.PERSON, name);
    }

    /**
     * @param taxId the tax / VAT id as written
     * @return this
     */
    public NewCustomer taxId(String taxId) {
        this.taxId = TaxIds.normalize(taxId);
        return this;
    }

    /**
     * @param industry the industry
     * @return this
     */
    public NewCustomer industry(String industry) {
        this.industry = industry == null || industry.isBlank() ? null : industry.strip();
        return this;
    }

    /**
     * @param newTags tags
     * @return this
     */
    public NewCustomer tags(String... newTags) {
        ValidationException.requireNonNull(newTags, "tags");
        for (String tag : newTags) {
            tags.add(tag == null ? "" : tag.strip());
        }
        return this;
    }

    /**
     * @param classification rating and categories
     * @return this
     */
    public NewCustomer classification(Classification classification) {
        this.classification = classification == null ? Classification.NONE : classification;
        return this;
    }

    /**
     * @param userId the owner; when not given, the acting user owns the new customer
     * @return this
     */
    public NewCustomer owner(String userId) {
        this.ownerId = userId;
        return this;
    }

    /**
     * @param address the main address
     * @return this
     */
    public NewCustomer address(Address address) {
        this.address = address;
        return this;
    }

    /**
     * @param ref a reference to the customer's record in the ERP
     * @return this
     */
    public NewCustomer externalRef(ExternalRef ref) {
        externalRefs.add(ValidationException.requireNonNull(ref, "externalRef"));
        return this;
    }

    /**
     * The state of the customer to be created. Used by the runtime.
     *
     * @param defaultOwnerId the owner when none was given
     * @param now the creation time
     * @return the state, with id 0
     */
    public CustomerRecord toRecord(String defaultOwnerId, Instant now) {
        return new CustomerRecord(0, 0, kind, name, taxId, industry, tags, classification.rating(),
                classification.categories(), CustomerStatus.ACTIVE, ownerId == null ? defaultOwnerId : ownerId,
                address, externalRefs, now, now);
    }
}
