package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.crm4j.common.Address;
import org.crm4j.sales.DocumentAddress;

/** A sales document's billing or delivery address, as columns of {@code crm_sales_document}. */
@Embeddable
class DocumentAddressValue {
    @Column(length = 200)
    String name;

    @Column(length = 200)
    String street;

    @Column(length = 20)
    String postalCode;

    @Column(length = 100)
    String city;

    @Column(length = 100)
    String region;

    @Column(length = 2)
    String country;

    @Column(length = 20)
    String phone;

    static DocumentAddressValue of(DocumentAddress a) {
        if (a == null) {
            return null;
        }
        DocumentAddressValue v = new DocumentAddressValue();
        v.name = a.name();
        v.street = a.address().street();
        v.postalCode = a.address().postalCode();
        v.city = a.address().city();
        v.region = a.address().region();
        v.country = a.address().country();
        v.phone = a.phone();
        return v;
    }

    /** @return the address, or null when the columns are empty (Hibernate may give an empty embeddable) */
    static DocumentAddress toAddress(DocumentAddressValue v) {
        if (v == null || v.city == null || v.country == null) {
            return null;
        }
        return new DocumentAddress(v.name, new Address(v.street, v.postalCode, v.city, v.region, v.country), v.phone);
    }
}
