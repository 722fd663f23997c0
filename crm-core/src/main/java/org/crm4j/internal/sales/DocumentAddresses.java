package org.crm4j.internal.sales;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.crm4j.ValidationException;
import org.crm4j.ValidationException.Violation;
import org.crm4j.common.Address;
import org.crm4j.common.Countries;
import org.crm4j.internal.imports.Phones;
import org.crm4j.sales.DocumentAddress;
import org.crm4j.sales.NewSalesDocument;
import org.crm4j.sales.SalesAddress;
import org.crm4j.sales.SalesWarning;

/**
 * A sales document's addresses read as the customer import reads a customer's (R29): the country as
 * an ISO code or a name (English, and the languages given), the phone in international or national
 * form, national numbers read in the address's country. A doubtful phone does not refuse its
 * document: it is stored normalised (valid once, not under today's plan) or left out (unreadable),
 * with a warning; strictly, it refuses the document.
 */
final class DocumentAddresses {
    /** What was read. */
    record Read(DocumentAddress billTo, DocumentAddress shipTo, List<SalesWarning> warnings) {
        static final Read NONE = new Read(null, null, List.of());
    }

    private DocumentAddresses() {
    }

    /**
     * @param document the document
     * @param locales the languages of country names beside English
     * @param strict whether a doubtful phone refuses the document
     * @param position the document's position in an import, 0 for one received alone
     * @return its addresses as kept, and the warnings
     * @throws ValidationException naming every field that cannot be taken ({@code billTo.country} ...)
     */
    static Read read(NewSalesDocument document, List<Locale> locales, boolean strict, long position) {
        if (document.billTo() == null && document.shipTo() == null) {
            return Read.NONE;
        }
        List<Violation> broken = new ArrayList<>();
        List<SalesWarning> warnings = new ArrayList<>();
        Locale[] names = locales.toArray(Locale[]::new);
        DocumentAddress bill = one(document, document.billTo(), "billTo", names, strict, position, broken, warnings);
        DocumentAddress ship = one(document, document.shipTo(), "shipTo", names, strict, position, broken, warnings);
        if (!broken.isEmpty()) {
            throw new ValidationException(broken);
        }
        return new Read(bill, ship, warnings);
    }

    private static DocumentAddress one(NewSalesDocument document, SalesAddress in, String field, Locale[] names,
            boolean strict, long position, List<Violation> broken, List<SalesWarning> warnings) {
        if (in == null) {
            return null;
        }
        String country = null;
        if (in.country() == null || in.country().isBlank()) {
            broken.add(new Violation(field + ".country", "NotBlank", "an address needs its country"));
        } else {
            country = Countries.code(in.country(), names).orElse(null);
            if (country == null) {
                broken.add(new Violation(field + ".country", "Country", "'" + in.country().strip()
                        + "' is neither an ISO 3166-1 code nor a country name crm4j knows"));
            }
        }
        Address address = null;
        if (country != null) {
            try {
                address = new Address(in.street(), in.postalCode(), in.city(), in.region(), country);
            } catch (ValidationException e) {
                for (Violation v : e.violations()) {
                    broken.add(new Violation(field + "." + v.field().replaceFirst("^address\\.", ""), v.rule(),
                            v.message()));
                }
            }
        }
        String name = in.name() == null || in.name().isBlank() ? null : in.name().strip();
        if (name != null && name.length() > 200) {
            broken.add(new Violation(field + ".name", "Size", "must be at most 200 characters"));
        }
        String phone = null;
        if (in.phone() != null && !in.phone().isBlank() && country != null) {
            Phones.Reading reading = Phones.read(in.phone(), country);
            if (reading.doubt() == null) {
                phone = reading.e164();
            } else if (strict) {
                broken.add(new Violation(field + ".phone", "Phone", "'" + in.phone().strip() + "': " + reading.doubt()));
            } else {
                phone = reading.e164();
                warnings.add(new SalesWarning(position, document.externalRef(), field + ".phone", in.phone().strip(),
                        reading.doubt()));
            }
        }
        return address == null ? null : new DocumentAddress(name, address, phone);
    }
}
