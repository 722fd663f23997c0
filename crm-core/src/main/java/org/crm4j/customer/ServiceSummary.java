package org.crm4j.customer;

import java.time.LocalDate;
import java.util.Optional;
import org.crm4j.ValidationException;
import org.crm4j.common.BillingPeriod;
import org.crm4j.common.Money;

/**
 * A service the customer has running, as the customer card (R2) lists it: what it is, since when
 * and until when, and what it brings per period. Open it with
 * {@code Sales.service(ServiceContractId.of(id))} to see its cost, salesperson and contract.
 *
 * @param id the service's id
 * @param productCode the product's code in the ERP
 * @param productName the product's name
 * @param startsOn its first day
 * @param endsOn its last day, or null when open-ended
 * @param billingPeriod how often it is billed
 * @param price the price per period
 * @param autoRenew whether it renews itself at its end
 * @param noticeDays how many days before the end notice must be given
 */
public record ServiceSummary(long id, String productCode, String productName, LocalDate startsOn, LocalDate endsOn,
        BillingPeriod billingPeriod, Money price, boolean autoRenew, int noticeDays) {

    /** @throws ValidationException when a required part is missing */
    public ServiceSummary {
        ValidationException.requireNonNull(productCode, "service.productCode");
        ValidationException.requireNonNull(productName, "service.productName");
        ValidationException.requireNonNull(startsOn, "service.startsOn");
        ValidationException.requireNonNull(billingPeriod, "service.billingPeriod");
        ValidationException.requireNonNull(price, "service.price");
    }

    /** @return whether it ends without renewing itself: talks about renewing it are due */
    public boolean ending() {
        return endsOn != null && !autoRenew;
    }

    /** @return the last day on which notice can be given, when it has an end */
    public Optional<LocalDate> noticeBy() {
        return endsOn == null ? Optional.empty() : Optional.of(endsOn.minusDays(noticeDays));
    }
}
