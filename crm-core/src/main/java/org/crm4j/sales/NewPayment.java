package org.crm4j.sales;

import java.time.LocalDate;
import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.customer.CustomerId;
import org.crm4j.common.Money;

/**
 * A payment as the ERP delivers it; pass it to {@link Sales#receivePayment}. Identified by the
 * ERP's reference (delivered again unchanged, it changes nothing). It pays an invoice, named by
 * the invoice's ERP reference ({@link #of}), or is booked on the customer's account without one
 * ({@link #onAccount}), as many ERPs book what a customer pays; delivered again with an invoice, an
 * on-account payment is allocated to it. Its amount is positive, in the invoice's currency.
 *
 * @param externalRef the payment in the ERP
 * @param invoice the ERP's reference of the invoice it pays, or null when it is on account
 * @param customerId the customer of a payment on account, by crm4j's id, or null
 * @param customerRef the customer of a payment on account, by its ERP reference, or null
 * @param amount the amount
 * @param paidOn when it was paid
 */
public record NewPayment(ExternalRef externalRef, ExternalRef invoice, CustomerId customerId, ExternalRef customerRef,
        Money amount, LocalDate paidOn) {

    /**
     * @return a payment of the invoice named; it is checked when it is received
     */
    public static NewPayment of(ExternalRef externalRef, ExternalRef invoice, Money amount, LocalDate paidOn) {
        return new NewPayment(externalRef, invoice, null, null, amount, paidOn);
    }

    /**
     * @return a payment on the account of the customer with that id, not of one invoice
     */
    public static NewPayment onAccount(ExternalRef externalRef, CustomerId customer, Money amount, LocalDate paidOn) {
        return new NewPayment(externalRef, null, customer, null, amount, paidOn);
    }

    /**
     * @return a payment on the account of the customer the ERP knows by that reference
     */
    public static NewPayment onAccount(ExternalRef externalRef, ExternalRef customerRef, Money amount,
            LocalDate paidOn) {
        return new NewPayment(externalRef, null, null, customerRef, amount, paidOn);
    }

    /**
     * Checks every rule. Used by the runtime.
     *
     * @throws ValidationException listing every broken rule
     */
    public void check() {
        int named = (invoice != null ? 1 : 0) + (customerId != null ? 1 : 0) + (customerRef != null ? 1 : 0);
        new Rules()
                .notNull("externalRef", externalRef, "a payment from the ERP needs the ERP's reference")
                .check(named == 1, invoice == null ? "customer" : "invoice", "OneOf",
                        "name the invoice a payment is for, or the customer whose account it is paid on, one of them")
                .notNull("amount", amount, "a payment needs its amount")
                .check(amount == null || amount.amount().signum() > 0, "amount", "Positive",
                        "a payment is more than zero, was " + (amount == null ? null : amount.amount().toPlainString()))
                .notNull("paidOn", paidOn, "a payment needs its date")
                .throwIfBroken();
    }
}
