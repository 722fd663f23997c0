package org.crm4j.sales;

/**
 * A billing or delivery address of a sales document as the ERP holds it: the country as an ISO
 * code or a name ("Germany", "UK", or in the host's language), the phone in international or
 * national form. crm4j keeps it as a {@link DocumentAddress}: the country as its ISO code, the
 * phone normalised to E.164 and read in that country, the same rules as the customer import.
 *
 * <pre>{@code
 * SalesAddress.of("Berlin", "Germany").name("Alfreds Futterkiste").street("Obere Str. 57")
 *         .postalCode("12209").phone("030-0074321");
 * }</pre>
 *
 * @param name whom it names (a company, a person), or null
 * @param street street and number, or null
 * @param postalCode the postal code, or null
 * @param city the city
 * @param region state, province or region, or null
 * @param country the country, as an ISO 3166-1 code or a name
 * @param phone a phone number as the ERP wrote it, or null
 */
public record SalesAddress(String name, String street, String postalCode, String city, String region, String country,
        String phone) {

    /**
     * @param city the city
     * @param country the country, as an ISO code or a name
     * @return an address with those alone
     */
    public static SalesAddress of(String city, String country) {
        return new SalesAddress(null, null, null, city, null, country, null);
    }

    /** @param whom the name on it @return a copy with it */
    public SalesAddress name(String whom) {
        return new SalesAddress(whom, street, postalCode, city, region, country, phone);
    }

    /** @param streetAndNumber the street @return a copy with it */
    public SalesAddress street(String streetAndNumber) {
        return new SalesAddress(name, streetAndNumber, postalCode, city, region, country, phone);
    }

    /** @param code the postal code @return a copy with it */
    public SalesAddress postalCode(String code) {
        return new SalesAddress(name, street, code, city, region, country, phone);
    }

    /** @param stateOrProvince the region @return a copy with it */
    public SalesAddress region(String stateOrProvince) {
        return new SalesAddress(name, street, postalCode, city, stateOrProvince, country, phone);
    }

    /** @param number a phone number as the ERP wrote it @return a copy with it */
    public SalesAddress phone(String number) {
        return new SalesAddress(name, street, postalCode, city, region, country, number);
    }
}
