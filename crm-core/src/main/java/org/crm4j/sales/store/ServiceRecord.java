package org.crm4j.sales.store;

import java.time.Instant;
import java.time.LocalDate;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.customer.CustomerId;
import org.crm4j.customer.ServiceSummary;
import org.crm4j.common.BillingPeriod;
import org.crm4j.sales.ServiceContract;
import org.crm4j.sales.ServiceContractId;

/**
 * A service contract as a store keeps it; see {@link ServiceContract} for the fields. Its status is
 * not stored: it follows from the dates and the cancellation on the day it is read.
 *
 * @param id the id, 0 before it is inserted
 * @param version the version, 0 before it is inserted
 */
public record ServiceRecord(long id, long version, long customerId, String productCode, String productName,
        LocalDate startsOn, LocalDate endsOn, BillingPeriod billingPeriod, Money price, Money cost, boolean autoRenew,
        int noticeDays, String cancelReason, LocalDate cancelledOn, String salespersonId, ExternalRef externalRef,
        Instant createdAt, Instant updatedAt) {

    /**
     * @param today the day asked about
     * @return whether it runs on that day: not cancelled, and not past its end unless it renews itself
     */
    public boolean runsOn(LocalDate today) {
        return cancelledOn == null && (endsOn == null || autoRenew || !endsOn.isBefore(today));
    }

    /** @return it as the customer card lists it */
    public ServiceSummary toSummary() {
        return new ServiceSummary(id, productCode, productName, startsOn, endsOn, billingPeriod, price, autoRenew,
                noticeDays);
    }

    /**
     * @param today the day it is read
     * @return it as the API shows it, with its status on that day
     */
    public ServiceContract toService(LocalDate today) {
        return new ServiceContract(ServiceContractId.of(id), CustomerId.of(customerId), productCode, productName,
                startsOn, endsOn, billingPeriod, price, cost, autoRenew, noticeDays,
                ServiceContract.statusOn(today, endsOn, autoRenew, cancelledOn), cancelReason, cancelledOn,
                salespersonId, externalRef, version, createdAt);
    }

    /** @return a copy with the id and version given (by the store, when it inserts or updates) */
    public ServiceRecord stored(long newId, long newVersion) {
        return new ServiceRecord(newId, newVersion, customerId, productCode, productName, startsOn, endsOn,
                billingPeriod, price, cost, autoRenew, noticeDays, cancelReason, cancelledOn, salespersonId,
                externalRef, createdAt, updatedAt);
    }

    /** @return a copy, cancelled */
    /**
     * @param newEnd the last day of the new term
     * @param at when this was recorded
     * @return a copy running until then
     */
    public ServiceRecord renewed(LocalDate newEnd, Instant at) {
        return new ServiceRecord(id, version, customerId, productCode, productName, startsOn, newEnd, billingPeriod,
                price, cost, autoRenew, noticeDays, cancelReason, cancelledOn, salespersonId, externalRef, createdAt, at);
    }

    /**
     * @param reason why it was cancelled
     * @param on the day it was cancelled
     * @param at when this was recorded
     * @return a copy, cancelled
     */
    public ServiceRecord cancelled(String reason, LocalDate on, Instant at) {
        return new ServiceRecord(id, version, customerId, productCode, productName, startsOn, endsOn, billingPeriod,
                price, cost, autoRenew, noticeDays, reason, on, salespersonId, externalRef, createdAt, at);
    }
}
