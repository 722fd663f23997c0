package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;
import org.crm4j.common.Address;

/** The columns of a postal address, embedded wherever an address is kept. */
@Embeddable
class AddressColumns {
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
    protected AddressColumns() {
    }

    /**
     * @param address an address, or null
     * @return its columns, or null for no address
     */
    static AddressColumns of(Address address) {
        if (address == null) {
            return null;
        }
        AddressColumns c = new AddressColumns();
        c.street = address.street();
        c.postalCode = address.postalCode();
        c.city = address.city();
        c.region = address.region();
        c.country = address.country();
        return c;
    }

    /**
     * @param columns embedded columns; Hibernate gives null when all of them are null
     * @return the address, or null
     */
    static Address toAddress(AddressColumns columns) {
        return columns == null ? null
                : new Address(columns.street, columns.postalCode, columns.city, columns.region, columns.country);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressColumns other && Objects.equals(street, other.street)
                && Objects.equals(postalCode, other.postalCode) && Objects.equals(city, other.city)
                && Objects.equals(region, other.region) && Objects.equals(country, other.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(city, country);
    }
}
