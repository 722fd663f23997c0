package org.crm4j.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;

/**
 * A postal address. City and country are required; the country is an ISO 3166-1 alpha-2 code,
 * kept in upper case.
 *
 * @param street street and number, may be null
 * @param postalCode postal code, may be null
 * @param city city
 * @param region state, province or region, may be null
 * @param country ISO 3166-1 alpha-2 code, e.g. {@code DE}
 */
public record Address(String street, String postalCode, String city, String region, String country) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** @throws ValidationException listing every field that is wrong */
    public Address {
        List<Violation> violations = new ArrayList<>();
        street = optional(street, "street", 200, violations);
        postalCode = optional(postalCode, "postalCode", 20, violations);
        region = optional(region, "region", 100, violations);
        city = optional(city, "city", 100, violations);
        if (city == null) {
            violations.add(new Violation("address.city", "NotBlank", "a city is required"));
        }
        country = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        if (country == null || !COUNTRIES.contains(country)) {
            violations.add(new Violation("address.country", "Format",
                    "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param city the city
     * @param country ISO country code
     * @return an address with only city and country
     */
    public static Address of(String city, String country) {
        return new Address(null, null, city, null, country);
    }

    private static String optional(String value, String field, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            violations.add(new Violation("address." + field, "Size", "must be at most " + max + " characters"));
        }
        return v;
    }
}
