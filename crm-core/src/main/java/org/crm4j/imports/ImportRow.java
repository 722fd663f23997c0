package org.crm4j.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crm4j.ValidationException;
import org.crm4j.customer.CustomerKind;

/**
 * One customer as a source system sends it, for {@link Imports#customers}: the reference to its
 * record there, its fields and its contact persons, as text the import checks (so that a bad
 * value rejects this row with its field and rule, not the whole import).
 *
 * <p>For every field, {@code null} (or not calling the setter) means "not given": an existing
 * customer keeps what it has. A blank value means "clear it". Instances are not thread-safe.
 *
 * <pre>{@code
 * ImportRow row = ImportRow.of("SAP", "0000104711").company("ACME GmbH").taxId("DE 123 456 789")
 *         .address(null, "10115", "Berlin", null, "DE").tags("key-account").owner("sam")
 *         .contact(ImportContact.named("Eva Novak").email("eva.novak@acme.example").roles("CFO"));
 * }</pre>
 */
public final class ImportRow {
    /** The most contact persons a row may have. */
    public static final int MAX_CONTACTS = 20;

    private final String system;
    private final String externalId;
    private long line;
    private CustomerKind kind;
    private String kindText;
    private String name;
    private String taxId;
    private String industry;
    private boolean addressGiven;
    private String street;
    private String postalCode;
    private String city;
    private String region;
    private String country;
    private String rating;
    private List<String> categories;
    private List<String> tags;
    private String ownerId;
    private final List<ImportContact> contacts = new ArrayList<>();

    private ImportRow(String system, String externalId) {
        this.system = system;
        this.externalId = externalId;
    }

    /**
     * @param system the source system's short name, e.g. {@code SAP}
     * @param externalId the customer's id there
     * @return a row for that record; both parts are checked by the import
     */
    public static ImportRow of(String system, String externalId) {
        return new ImportRow(system, externalId);
    }

    /**
     * @param number where the row is in its source (e.g. the line of a file), for reports; by
     *     default its position in the import, counted from 1
     * @return this
     */
    public ImportRow line(long number) {
        this.line = number;
        return this;
    }

    /**
     * @param companyName the company's name
     * @return this, a company
     */
    public ImportRow company(String companyName) {
        return kind(CustomerKind.COMPANY).name(companyName);
    }

    /**
     * @param personName the person's full name
     * @return this, a natural person
     */
    public ImportRow person(String personName) {
        return kind(CustomerKind.PERSON).name(personName);
    }

    /**
     * @param customerKind company or person; a new customer without a kind is a company, an
     *     existing customer keeps its kind
     * @return this
     */
    public ImportRow kind(CustomerKind customerKind) {
        this.kind = customerKind;
        this.kindText = null;
        return this;
    }

    /**
     * @param text {@code COMPANY} or {@code PERSON} in any case, as a file writes it; other text
     *     rejects the row (field {@code kind}, rule {@code Format})
     * @return this
     */
    public ImportRow kind(String text) {
        this.kind = null;
        this.kindText = text == null || text.isBlank() ? null : text.strip();
        return this;
    }

    /**
     * @param customerName the name, 1 to 200 characters
     * @return this
     */
    public ImportRow name(String customerName) {
        this.name = customerName;
        return this;
    }

    /**
     * @param id the tax / VAT id as written; normalised like {@code NewCustomer.taxId}
     * @return this
     */
    public ImportRow taxId(String id) {
        this.taxId = id;
        return this;
    }

    /**
     * @param text the industry
     * @return this
     */
    public ImportRow industry(String text) {
        this.industry = text;
        return this;
    }

    /**
     * The main address; all parts blank clears it.
     *
     * @param streetText street and number, or null
     * @param postalCodeText postal code, or null
     * @param cityName city (required unless all parts are blank)
     * @param regionText region, or null
     * @param countryCode ISO 3166-1 alpha-2 code (required unless all parts are blank)
     * @return this
     */
    public ImportRow address(String streetText, String postalCodeText, String cityName, String regionText,
            String countryCode) {
        this.addressGiven = true;
        this.street = streetText;
        this.postalCode = postalCodeText;
        this.city = cityName;
        this.region = regionText;
        this.country = countryCode;
        return this;
    }

    /**
     * @param text the rating, e.g. {@code A}
     * @return this
     */
    public ImportRow rating(String text) {
        this.rating = text;
        return this;
    }

    /**
     * @param names categories to add
     * @return this
     */
    public ImportRow categories(String... names) {
        ValidationException.requireNonNull(names, "categories");
        this.categories = List.of(copy(names));
        return this;
    }

    /**
     * @param names tags to add
     * @return this
     */
    public ImportRow tags(String... names) {
        ValidationException.requireNonNull(names, "tags");
        this.tags = List.of(copy(names));
        return this;
    }

    /**
     * @param userId the owner (the responsible salesperson), a user the directory knows
     * @return this
     */
    public ImportRow owner(String userId) {
        this.ownerId = userId;
        return this;
    }

    /**
     * @param contact a contact person, matched to the customer's existing ones by e-mail (or by
     *     name without one); at most {@value #MAX_CONTACTS}
     * @return this
     */
    public ImportRow contact(ImportContact contact) {
        contacts.add(ValidationException.requireNonNull(contact, "contact"));
        return this;
    }

    private static String[] copy(String[] names) {
        String[] out = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i] == null ? "" : names[i];
        }
        return out;
    }

    /** @return the line given, or 0 */
    public long lineNumber() {
        return line;
    }

    /** @return the source system as given */
    public String system() {
        return system;
    }

    /** @return the id in the source system as given */
    public String externalId() {
        return externalId;
    }

    /** @return the kind given, or null */
    public CustomerKind kind() {
        return kind;
    }

    /** @return the kind given as text (see {@link #kind(String)}), or null */
    public String kindText() {
        return kindText;
    }

    /** @return the name given, or null */
    public String name() {
        return name;
    }

    /** @return the tax id given, or null */
    public String taxId() {
        return taxId;
    }

    /** @return the industry given, or null */
    public String industry() {
        return industry;
    }

    /** @return whether an address was given (all parts blank: cleared) */
    public boolean addressGiven() {
        return addressGiven;
    }

    /** @return the street given, or null */
    public String street() {
        return street;
    }

    /** @return the postal code given, or null */
    public String postalCode() {
        return postalCode;
    }

    /** @return the city given, or null */
    public String city() {
        return city;
    }

    /** @return the region given, or null */
    public String region() {
        return region;
    }

    /** @return the country given, or null */
    public String country() {
        return country;
    }

    /** @return the rating given, or null */
    public String rating() {
        return rating;
    }

    /** @return the categories given, or null */
    public List<String> categories() {
        return categories;
    }

    /** @return the tags given, or null */
    public List<String> tags() {
        return tags;
    }

    /** @return the owner given, or null */
    public String ownerId() {
        return ownerId;
    }

    /** @return the contact persons, in order */
    public List<ImportContact> contacts() {
        return Collections.unmodifiableList(contacts);
    }

    @Override
    public String toString() {
        return "ImportRow[" + system + ":" + externalId + ", " + name + (line > 0 ? ", line " + line : "") + "]";
    }
}
