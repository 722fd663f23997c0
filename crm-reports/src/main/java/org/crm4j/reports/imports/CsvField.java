package org.crm4j.reports.imports;

import java.util.Locale;

/**
 * What a column of a customer CSV file holds, for {@link CsvCustomerSource#map}. Without a
 * mapping, a column whose header is a field's {@link #header() default header} (in any case) holds
 * that field. List fields ({@link #TAGS}, {@link #CATEGORIES}, {@link #CONTACT_ROLES}) hold their
 * values separated by {@link CsvCustomerSource#listSeparator}.
 */
public enum CsvField {
    /** The source system of the reference, e.g. {@code SAP}, unless {@link CsvCustomerSource#system} gives it. */
    SYSTEM,
    /** The customer's id in the source system: required. */
    EXTERNAL_ID,
    /** {@code COMPANY} or {@code PERSON}. */
    KIND,
    /** The customer's name. */
    NAME,
    /** The tax / VAT id. */
    TAX_ID,
    /** The industry. */
    INDUSTRY,
    /** The street of the main address. */
    STREET,
    /** The postal code of the main address. */
    POSTAL_CODE,
    /** The city of the main address. */
    CITY,
    /** The region of the main address. */
    REGION,
    /** The ISO country code of the main address. */
    COUNTRY,
    /** The rating. */
    RATING,
    /** Categories, added to the customer's. */
    CATEGORIES,
    /** Tags, added to the customer's. */
    TAGS,
    /** The owner's user id. */
    OWNER,
    /** The contact person's name. */
    CONTACT_NAME,
    /** The contact person's job title. */
    CONTACT_JOB_TITLE,
    /** The contact person's e-mail. */
    CONTACT_EMAIL,
    /** The contact person's phone. */
    CONTACT_PHONE,
    /** The contact person's role codes. */
    CONTACT_ROLES,
    /** {@code true}, {@code yes}, {@code 1} or {@code x} when the contact person is the primary one. */
    CONTACT_PRIMARY;

    /** @return the header that holds this field without a mapping, e.g. {@code external_id} */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
