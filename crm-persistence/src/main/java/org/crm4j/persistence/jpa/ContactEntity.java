package org.crm4j.persistence.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.crm4j.customer.ContactChannel;
import org.crm4j.customer.store.ContactRecord;
import org.crm4j.customer.store.CustomerRecord;

/**
 * A contact person ({@code crm_contact}) with roles and channels. The channels are an ordered
 * list (an indexed collection, not a bag), so they can be fetched in one query with the roles.
 */
@Entity(name = "Contact")
@Table(name = "crm_contact")
class ContactEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crm_contact_seq")
    @SequenceGenerator(name = "crm_contact_seq", sequenceName = "crm_contact_seq", allocationSize = 50)
    Long id;

    @Version
    long version;

    @Column(name = "customer_id", nullable = false)
    long customerId;

    @Column(nullable = false, length = 200)
    String name;

    /** The name in lower case, compared by code point: the sort key. */
    @Column(name = "name_key", nullable = false, length = 200)
    String nameKey;

    @Column(name = "job_title", length = 100)
    String jobTitle;

    @Column(name = "is_primary", nullable = false)
    boolean primary;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "crm_contact_role", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "role_code", nullable = false, length = 50)
    Set<String> roles = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "crm_contact_channel", joinColumns = @JoinColumn(name = "contact_id"))
    @OrderColumn(name = "position", nullable = false)
    List<ChannelValue> channels = new ArrayList<>();

    /** For Hibernate. */
    protected ContactEntity() {
    }

    /**
     * @param record a new contact
     * @return an entity to persist
     */
    static ContactEntity of(ContactRecord record) {
        ContactEntity e = new ContactEntity();
        e.copyFrom(record);
        return e;
    }

    /**
     * Copies the state of a record, all but its id and version; collections are changed in
     * place, so that Hibernate writes only the rows that differ.
     *
     * @param record the new state
     */
    void copyFrom(ContactRecord record) {
        customerId = record.customerId();
        name = record.name();
        nameKey = CustomerRecord.nameKey(record.name());
        jobTitle = record.jobTitle();
        primary = record.primary();
        createdAt = record.createdAt();
        updatedAt = record.updatedAt();
        CustomerEntity.replace(roles, record.roles());
        List<ChannelValue> wanted = record.channels().stream().map(ChannelValue::of).toList();
        for (int i = 0; i < wanted.size(); i++) {
            if (i < channels.size()) {
                if (!channels.get(i).equals(wanted.get(i))) {
                    channels.set(i, wanted.get(i));
                }
            } else {
                channels.add(wanted.get(i));
            }
        }
        while (channels.size() > wanted.size()) {
            channels.remove(channels.size() - 1);
        }
    }

    /** @return the stored state */
    ContactRecord toRecord() {
        List<ContactChannel> list = new ArrayList<>(channels.size());
        for (ChannelValue channel : channels) {
            list.add(channel.toChannel());
        }
        return new ContactRecord(id, version, customerId, name, jobTitle, roles, list, primary, createdAt, updatedAt);
    }
}
