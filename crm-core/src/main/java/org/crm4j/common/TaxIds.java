package org.crm4j.common;

import java.util.Locale;

/** How tax / VAT ids are normalised, so that {@code DE 123.456.789} and {@code de123456789} match. */
public final class TaxIds {
    private TaxIds() {
    }

    /**
     * @param taxId a tax id as written
     * @return upper case, without spaces, dots, dashes or slashes; null for null or blank
     */
    public static String normalize(String taxId) {
        if (taxId == null || taxId.isBlank()) {
            return null;
        }
        return taxId.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
    }
}
