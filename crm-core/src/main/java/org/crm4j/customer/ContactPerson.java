package org.crm4j.customer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.customer.store.ContactRecord;

/**
 * A contact person of a customer (R1): a name, a job title, role codes such as {@code CFO} or
 * {@code IT_MANAGER} (an open set, see {@link RoleCodes}), and the channels to reach them. One
 * contact per customer may be primary. Change it with its methods and write the change with
 * {@link Customers#saveContact}. Instances are not thread-safe.
 */
public final class ContactPerson {
    private final ContactId id;
    private final long version;
    private final CustomerId customerId;
    @NotBlank
    @Size(max = 200)
    private String name;
    @Size(max = 100)
    private String jobTitle;
    @Size(max = 20)
    private final Set<@NotBlank @Size(max = 50) String> roles;
    @Size(max = 50)
    private final List<@NotNull ContactChannel> channels;
    private boolean primary;
    private final Instant createdAt;
    private final Instant updatedAt;

    private ContactPerson(ContactRecord r) {
        this.id = r.id() == 0 ? null : ContactId.of(r.id());
        this.version = r.version();
        this.customerId = CustomerId.of(r.customerId());
        this.name = r.name();
        this.jobTitle = r.jobTitle();
        this.roles = new LinkedHashSet<>(r.roles());
        this.channels = new ArrayList<>(r.channels());
        this.primary = r.primary();
        this.createdAt = r.createdAt();
        this.updatedAt = r.updatedAt();
    }

    /**
     * Rebuilds a contact from its stored state. Used by the runtime and by store adapters.
     *
     * @param state the stored state
     * @return the contact
     */
    public static ContactPerson fromRecord(ContactRecord state) {
        return new ContactPerson(ValidationException.requireNonNull(state, "state"));
    }

    /** @return the state to store */
    public ContactRecord toRecord() {
        return new ContactRecord(id == null ? 0 : id.value(), version, customerId.value(), name, jobTitle, roles,
                channels, primary, createdAt, updatedAt);
    }

    /**
     * @param role a role code; stored in upper case with {@code _} for spaces
     * @return the normalised code
     */
    public static String normalizeRole(String role) {
        return role == null ? null : role.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    /**
     * @param name the new name
     * @return this contact
     */
    public ContactPerson rename(String name) {
        this.name = name == null ? null : name.strip();
        return this;
    }

    /**
     * @param jobTitle the job title as the person writes it, or null
     * @return this contact
     */
    public ContactPerson changeJobTitle(String jobTitle) {
        this.jobTitle = jobTitle == null || jobTitle.isBlank() ? null : jobTitle.strip();
        return this;
    }

    /**
     * @param role a role code such as {@link RoleCodes#CFO}
     * @return this contact
     */
    public ContactPerson addRole(String role) {
        roles.add(normalizeRole(role));
        return this;
    }

    /**
     * @param role a role code
     * @return this contact
     */
    public ContactPerson removeRole(String role) {
        roles.remove(normalizeRole(role));
        return this;
    }

    /**
     * @param channel a way to reach the person
     * @return this contact
     */
    public ContactPerson addChannel(ContactChannel channel) {
        channels.add(ValidationException.requireNonNull(channel, "channel"));
        return this;
    }

    /**
     * @param channel a channel to remove
     * @return this contact
     */
    public ContactPerson removeChannel(ContactChannel channel) {
        channels.remove(channel);
        return this;
    }

    /**
     * Makes this the customer's primary contact; saving it makes the previous primary contact
     * an ordinary one.
     *
     * @return this contact
     */
    public ContactPerson makePrimary() {
        primary = true;
        return this;
    }

    /** @return the id, null before the first save */
    public ContactId id() {
        return id;
    }

    /** @return the version it was read at */
    public long version() {
        return version;
    }

    /** @return the customer */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the job title */
    public Optional<String> jobTitle() {
        return Optional.ofNullable(jobTitle);
    }

    /** @return the role codes */
    public Set<String> roles() {
        return Collections.unmodifiableSet(roles);
    }

    /**
     * @param role a role code
     * @return whether the person holds it
     */
    public boolean hasRole(String role) {
        return roles.contains(normalizeRole(role));
    }

    /** @return the channels, in the order added */
    public List<ContactChannel> channels() {
        return Collections.unmodifiableList(channels);
    }

    /**
     * @param type a channel type
     * @return the channels of that type
     */
    public List<ContactChannel> channels(ChannelType type) {
        return channels.stream().filter(c -> c.type() == type).toList();
    }

    /** @return whether this is the customer's primary contact */
    public boolean isPrimary() {
        return primary;
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
        return "ContactPerson[" + id + ", " + name + ", customer " + customerId + "]";
    }
}
