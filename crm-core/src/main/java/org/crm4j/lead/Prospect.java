package org.crm4j.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.EmailAddress;
import org.crm4j.common.PhoneNumber;
import org.crm4j.common.TaxIds;

/**
 * Who an inbound lead is about while they are not yet a customer: what a web form, a call or a
 * fair gave. Converting the lead makes a customer of it (the company, or the person when there
 * is no company) and a contact person (the person, with the e-mail and phone).
 *
 * @param company the company's name, or null
 * @param personName the person's name, or null
 * @param email their e-mail, or null
 * @param phone their phone, or null
 * @param taxId the company's tax id, or null
 * @param city the city, or null
 * @param country the ISO 3166-1 alpha-2 country code, or null
 */
public record Prospect(String company, String personName, EmailAddress email, PhoneNumber phone, String taxId,
        String city, String country) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** @throws ValidationException when it has neither a name nor a contact channel, or a field is wrong */
    public Prospect {
        List<Violation> violations = new ArrayList<>();
        company = optional(company, "prospect.company", 200, violations);
        personName = optional(personName, "prospect.personName", 200, violations);
        taxId = TaxIds.normalize(taxId);
        if (taxId != null && taxId.length() > 50) {
            violations.add(new Violation("prospect.taxId", "Size", "must be at most 50 characters"));
        }
        city = optional(city, "prospect.city", 100, violations);
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            violations.add(new Violation("prospect.country", "Format", "'" + country
                    + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        if (company == null && personName == null && email == null && phone == null) {
            violations.add(new Violation("prospect", "NameOrChannel",
                    "a prospect needs a company or person name, or an e-mail or phone to reach them"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * @param company the company's name
     * @return a prospect company; add the rest with the {@code with...} methods
     */
    public static Prospect company(String company) {
        return new Prospect(company, null, null, null, null, null, null);
    }

    /**
     * @param name the person's name
     * @return a prospect person
     */
    public static Prospect person(String name) {
        return new Prospect(null, name, null, null, null, null, null);
    }

    /**
     * @param address an e-mail, when that is all that is known
     * @return a prospect reached by e-mail
     */
    public static Prospect byEmail(String address) {
        return new Prospect(null, null, EmailAddress.of(address), null, null, null, null);
    }

    /**
     * @param name the person's name
     * @return a copy with it
     */
    public Prospect withPerson(String name) {
        return new Prospect(company, name, email, phone, taxId, city, country);
    }

    /**
     * @param address the e-mail
     * @return a copy with it
     */
    public Prospect withEmail(String address) {
        return new Prospect(company, personName, EmailAddress.of(address), phone, taxId, city, country);
    }

    /**
     * @param number the phone number, in international form
     * @return a copy with it
     */
    public Prospect withPhone(String number) {
        return new Prospect(company, personName, email, PhoneNumber.parse(number), taxId, city, country);
    }

    /**
     * @param id the tax id
     * @return a copy with it
     */
    public Prospect withTaxId(String id) {
        return new Prospect(company, personName, email, phone, id, city, country);
    }

    /**
     * @param cityName the city
     * @param countryCode the ISO country code
     * @return a copy with them
     */
    public Prospect withPlace(String cityName, String countryCode) {
        return new Prospect(company, personName, email, phone, taxId, cityName, countryCode);
    }

    private static String optional(String value, String field, int max, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            violations.add(new Violation(field, "Size", "must be at most " + max + " characters"));
        }
        return v;
    }
}
