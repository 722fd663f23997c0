package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Locale;
import java.util.Objects;
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

    /** An e-mail in lower case or a phone, for the duplicate check; null for other types. */
    @Column(name = "match_key", length = 254)
    String matchKey;

    @Embedded
    AddressColumns address;

    /** For Hibernate. */
    protected ChannelValue() {
    }

    static ChannelValue of(ContactChannel channel) {
        ChannelValue v = new ChannelValue();
        v.type = channel.type();
        v.value = channel.value();
        v.label = channel.label();
        v.matchKey = matchKey(channel);
        v.address = AddressColumns.of(channel.address());
        return v;
    }

    /**
     * @param channel a channel
     * @return the key the duplicate check compares it by
     */
    static String matchKey(ContactChannel channel) {
        return switch (channel.type()) {
            case EMAIL -> channel.value().toLowerCase(Locale.ROOT);
            case PHONE -> channel.value();
            default -> null;
        };
    }

    ContactChannel toChannel() {
        if (type == ChannelType.POSTAL) {
            return ContactChannel.postal(AddressColumns.toAddress(address), label);
        }
        return new ContactChannel(type, value, null, label);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelValue other && type == other.type && Objects.equals(value, other.value)
                && Objects.equals(label, other.label) && Objects.equals(address, other.address);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value, label);
    }
}
