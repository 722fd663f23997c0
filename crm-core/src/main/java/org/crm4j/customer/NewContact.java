package org.crm4j.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.customer.store.ContactRecord;

/**
 * What is needed to add a contact person to a customer; pass it to {@link Customers#addContact}.
 *
 * <pre>{@code
 * customers.addContact(acme.id(), NewContact.named("Eva Novak").jobTitle("Finance Director")
 *         .roles(RoleCodes.CFO).channel(ContactChannel.email("eva.novak@acme.example")).primary());
 * }</pre>
 */
public final class NewContact {
    private final String name;
    private String jobTitle;
    private final Set<String> roles = new LinkedHashSet<>();
    private final List<ContactChannel> channels = new ArrayList<>();
    private boolean primary;

    private NewContact(String name) {
        this.name = name == null ? null : name.strip();
    }

    /**
     * @param name the person's full name
     * @return a new contact
     */
    public static NewContact named(String name) {
        return new NewContact(name);
    }

    /**
     * @param jobTitle the job title as written
     * @return this
     */
    public NewContact jobTitle(String jobTitle) {
        this.jobTitle = jobTitle == null || jobTitle.isBlank() ? null : jobTitle.strip();
        return this;
    }

    /**
     * @param codes role codes such as {@link RoleCodes#CFO}
     * @return this
     */
    public NewContact roles(String... codes) {
        ValidationException.requireNonNull(codes, "roles");
        for (String code : codes) {
            String normalized = ContactPerson.normalizeRole(code);
            roles.add(normalized == null ? "" : normalized);
        }
        return this;
    }

    /**
     * @param channel a way to reach the person
     * @return this
     */
    public NewContact channel(ContactChannel channel) {
        channels.add(ValidationException.requireNonNull(channel, "channel"));
        return this;
    }

    /** @return this, marked as the customer's primary contact */
    public NewContact primary() {
        this.primary = true;
        return this;
    }

    /**
     * The state of the contact to be created. Used by the runtime.
     *
     * @param customerId the customer
     * @param now the creation time
     * @return the state, with id 0
     */
    public ContactRecord toRecord(long customerId, Instant now) {
        return new ContactRecord(0, 0, customerId, name, jobTitle, roles, channels, primary, now, now);
    }
}
