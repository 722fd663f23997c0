package org.crm4j.customer;

import java.time.Instant;

/**
 * The fields of a customer that criteria can test. <em>Basic</em> fields are those every actor
 * may see in search results (R28): name, tax id, city, owner and status; a search whose criteria test any other field only finds the
 * customers the actor may open, so criteria cannot reveal details.
 */
public enum CustomerField {
    /** The name (exact match; use a text match for case-insensitive search). */
    NAME(String.class, true),
    /** The normalised tax / VAT id. */
    TAX_ID(String.class, true),
    /** The city of the main address. */
    CITY(String.class, true),
    /** The country code of the main address. */
    COUNTRY(String.class, false),
    /** The owner's user id. */
    OWNER(String.class, true),
    /** Active or archived. */
    STATUS(CustomerStatus.class, true),
    /** Company or person. */
    KIND(CustomerKind.class, false),
    /** The industry. */
    INDUSTRY(String.class, false),
    /** The rating, e.g. {@code A}. */
    RATING(String.class, false),
    /** When the customer was created. */
    CREATED_AT(Instant.class, false);

    private final Class<?> type;
    private final boolean basic;

    CustomerField(Class<?> type, boolean basic) {
        this.type = type;
        this.basic = basic;
    }

    /** @return the type of the field's values */
    public Class<?> type() {
        return type;
    }

    /** @return whether every actor may see it */
    public boolean isBasic() {
        return basic;
    }
}
