package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import org.crm4j.sales.DocumentAddress;

/**
 * A sales document's billing or delivery address, as columns of {@code crm_sales_document}: the
 * postal address ({@link AddressColumns}) with a name and a phone.
 */
@Embeddable
class DocumentAddressValue {
    @Column(length = 200)
    String name;

    @Embedded
    AddressColumns address;

    @Column(length = 20)
    String phone;

    static DocumentAddressValue of(DocumentAddress a) {
        if (a == null) {
            return null;
        }
        DocumentAddressValue v = new DocumentAddressValue();
        v.name = a.name();
        v.address = AddressColumns.of(a.address());
        v.phone = a.phone();
        return v;
    }

    /** @return the address, or null when its columns are empty (Hibernate may give an empty embeddable) */
    static DocumentAddress toAddress(DocumentAddressValue v) {
        return v == null || v.address == null || v.address.city == null ? null
                : new DocumentAddress(v.name, AddressColumns.toAddress(v.address), v.phone);
    }
}
