package org.crm4j.sales;

import java.math.BigDecimal;
import org.crm4j.ValidationException;

/**
 * A tier of a commission plan: the part of the basis a salesperson earns in a month above
 * {@code from} (counted in the order it is earned) earns {@code extraRate} percentage points more.
 *
 * @param from the month's basis from which the tier applies, 0 or more
 * @param extraRate the points added to the product group's rate, 0 to 100
 */
public record CommissionTier(BigDecimal from, BigDecimal extraRate) {

    /** @throws ValidationException when a value is missing or out of range */
    public CommissionTier {
        ValidationException.requireNonNull(from, "tier.from");
        ValidationException.requireNonNull(extraRate, "tier.extraRate");
        if (from.signum() < 0) {
            throw new ValidationException("tier.from", "NotNegative", "must be 0 or more, was " + from);
        }
        if (extraRate.signum() < 0 || extraRate.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new ValidationException("tier.extraRate", "Range", "must be 0 to 100, was " + extraRate);
        }
    }
}
