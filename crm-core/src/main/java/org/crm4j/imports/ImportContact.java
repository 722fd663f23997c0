package org.crm4j.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crm4j.ValidationException;

/**
 * A contact person of an {@link ImportRow}, as text the import checks with the rules of
 * {@code Customers.addContact}. {@code null} means "not given", as for the row. It is matched to
 * the customer's existing contacts by e-mail address (case-insensitive) or, without an e-mail, by
 * name (case-insensitive). Instances are not thread-safe.
 */
public final class ImportContact {
    private final String name;
    private String jobTitle;
    private String email;
    private String phone;
    private final List<String> roles = new ArrayList<>();
    private boolean primary;

    private ImportContact(String name) {
        this.name = name;
    }

    /**
     * @param fullName the person's full name
     * @return a contact
     */
    public static ImportContact named(String fullName) {
        return new ImportContact(fullName);
    }

    /**
     * @param text the job title as written
     * @return this
     */
    public ImportContact jobTitle(String text) {
        this.jobTitle = text;
        return this;
    }

    /**
     * @param address an e-mail address; also the key the contact is matched by
     * @return this
     */
    public ImportContact email(String address) {
        this.email = address;
        return this;
    }

    /**
     * @param number a phone number in international form (+ or 00 and the country code)
     * @return this
     */
    public ImportContact phone(String number) {
        this.phone = number;
        return this;
    }

    /**
     * @param codes role codes such as {@code CFO}, added to those the contact has
     * @return this
     */
    public ImportContact roles(String... codes) {
        ValidationException.requireNonNull(codes, "roles");
        for (String code : codes) {
            roles.add(code == null ? "" : code);
        }
        return this;
    }

    /** @return this, to be the customer's primary contact */
    public ImportContact primary() {
        this.primary = true;
        return this;
    }

    /** @return the name given */
    public String name() {
        return name;
    }

    /** @return the job title given, or null */
    public String jobTitle() {
        return jobTitle;
    }

    /** @return the e-mail given, or null */
    public String email() {
        return email;
    }

    /** @return the phone given, or null */
    public String phone() {
        return phone;
    }

    /** @return the role codes given */
    public List<String> roles() {
        return Collections.unmodifiableList(roles);
    }

    /** @return whether it is to be the primary contact */
    public boolean isPrimary() {
        return primary;
    }
}
