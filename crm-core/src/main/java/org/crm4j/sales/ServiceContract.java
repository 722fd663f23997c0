package org.crm4j.sales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;
import org.crm4j.common.BillingPeriod;

/**
 * A service a customer has under contract (R11): a subscription, a maintenance or hosting
 * contract, with its price and cost per billing period (R13) and its renewal terms. One-time
 * purchases are lines of {@link SalesDocument}s instead. Seen by whoever covers the customer's owner
 * or the salesperson who sold it (R28).
 *
 * @param id the id
 * @param customerId the customer
 * @param productCode the product's code in the ERP
 * @param productName the product's name
 * @param startsOn the first day
 * @param endsOn the last day, or null when open-ended
 * @param billingPeriod how often it is billed
 * @param price the price per period
 * @param cost the cost per period, or null when not known
 * @param autoRenew whether it renews itself at its end
 * @param noticeDays how many days before the end either side must give notice
 * @param status where it stands today
 * @param cancelReason why it was cancelled, or null
 * @param cancelledOn when it was cancelled, or null
 * @param salespersonId who sold it, or null
 * @param externalRef the contract in the ERP, or null
 * @param version the version, for optimistic locking
 * @param createdAt when it was recorded
 */
public record ServiceContract(ServiceContractId id, CustomerId customerId, String productCode, String productName,
        LocalDate startsOn, LocalDate endsOn, BillingPeriod billingPeriod, Money price, Money cost, boolean autoRenew,
        int noticeDays, ServiceStatus status, String cancelReason, LocalDate cancelledOn, String salespersonId,
        ExternalRef externalRef, long version, Instant createdAt) {

    /** @return the last day, if it has one */
    public Optional<LocalDate> end() {
        return Optional.ofNullable(endsOn);
    }

    /** @return the margin per period (price − cost), when the cost is known (R13) */
    public Optional<Money> marginPerPeriod() {
        return cost == null ? Optional.empty() : Optional.of(price.minus(cost));
    }

    /** @return the last day on which notice can be given, when it has an end */
    public Optional<LocalDate> noticeBy() {
        return endsOn == null ? Optional.empty() : Optional.of(endsOn.minusDays(noticeDays));
    }

    /**
     * @param today the day asked about
     * @return where a contract with these terms stands on that day
     */
    public static ServiceStatus statusOn(LocalDate today, LocalDate endsOn, boolean autoRenew, LocalDate cancelledOn) {
        if (cancelledOn != null) {
            return ServiceStatus.CANCELLED;
        }
        if (endsOn == null || autoRenew) {
            return ServiceStatus.ACTIVE;
        }
        return endsOn.isBefore(today) ? ServiceStatus.ENDED : ServiceStatus.ENDING;
    }
}
