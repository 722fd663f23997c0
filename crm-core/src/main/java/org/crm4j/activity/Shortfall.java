package org.crm4j.activity;

import org.crm4j.ValidationException;

/**
 * How often one salesperson did not meet one service standard.
 *
 * @param salespersonId the salesperson: the customer's owner for {@link ShortfallKind#NOT_CONTACTED},
 *     the owner of the request or the activity otherwise
 * @param kind how the standard was not met
 * @param standard the standard; null for the request kinds, since each request is judged against
 *     its own due time, fixed when it came in by the {@link ServiceStandard.AnswerRequestsWithin}
 *     then in force
 * @param cases how many customers, requests or activities, at least 1
 */
public record Shortfall(String salespersonId, ShortfallKind kind, ServiceStandard standard, long cases) {

    /** @throws ValidationException when a part is missing or the count is not positive */
    public Shortfall {
        ValidationException.requireNonNull(salespersonId, "salespersonId");
        ValidationException.requireNonNull(kind, "kind");
        if (cases < 1) {
            throw new ValidationException("cases", "Positive", "a shortfall has at least one case");
        }
    }
}
