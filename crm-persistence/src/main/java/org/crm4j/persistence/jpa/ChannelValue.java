package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import org.crm4j.common.Address;
import org.crm4j.customer.ChannelType;
import org.crm4j.customer.ContactChannel;

/**
 * A contact channel as a row of {@code crm_contact_channel}: one table for every type; the
 * address columns are filled for postal channels only.
 */
@Embeddable
class ChannelValue {
    @Enumerated(EnumType.STRING)
    @Column(name = "channel_type", nullable = false, length = 10)
    ChannelType type;

    @Column(name = "channel_value", nullable = false, length = 400)
    String value;

    @Column(length = 50)
    String label;

    @Column(length = 200)
    String street;

    @Column(name = "postal_code", length = 20)
    String postalCode;

    @Column(length = 100)
    String city;

    @Column(length = 100)
    String region;

    @Column(length = 2)
    String country;

    /** For Hibernate. */
    protected ChannelValue() {
    }

    static ChannelValue of(ContactChannel channel) {
        ChannelValue v = new ChannelValue();
        v.type = channel.type();
        v.value = channel.value();
        v.label = channel.label();
        Address a = channel.address();
        if (a != null) {
            v.street = a.street();
            v.postalCode = a.postalCode();
            v.city = a.city();
            v.region = a.region();
            v.country = a.country();
        }
        return v;
    }

    ContactChannel toChannel() {
        if (type == ChannelType.POSTAL) {
            return ContactChannel.postal(new Address(street, postalCode, city, region, country), label);
        }
        return new ContactChannel(type, value, null, label);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelValue other && type == other.type && Objects.equals(value, other.value)
                && Objects.equals(label, other.label) && Objects.equals(street, other.street)
                && Objects.equals(postalCode, other.postalCode) && Objects.equals(city, other.city)
                && Objects.equals(region, other.region) && Objects.equals(country, other.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value, label, city, country);
    }
}
