package org.crm4j.sales;

import java.time.LocalDate;
import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;

/**
 * A payment as the ERP delivers it; pass it to {@link Sales#receivePayment}. Identified by the
 * ERP's reference (delivered again unchanged, it changes nothing); it names the invoice it pays by
 * the invoice's ERP reference, and its amount is positive and in the invoice's currency.
 *
 * @param externalRef the payment in the ERP
 * @param invoice the ERP's reference of the invoice it pays
 * @param amount the amount
 * @param paidOn when it was paid
 */
public record NewPayment(ExternalRef externalRef, ExternalRef invoice, Money amount, LocalDate paidOn) {

    /**
     * @return a payment; it is checked when it is received
     */
    public static NewPayment of(ExternalRef externalRef, ExternalRef invoice, Money amount, LocalDate paidOn) {
        return new NewPayment(externalRef, invoice, amount, paidOn);
    }

    /**
     * Checks every rule. Used by the runtime.
     *
     * @throws ValidationException listing every broken rule
     */
    public void check() {
        new Rules()
                .notNull("externalRef", externalRef, "a payment from the ERP needs the ERP's reference")
                .notNull("invoice", invoice, "name the invoice the payment is for")
                .notNull("amount", amount, "a payment needs its amount")
                .check(amount == null || amount.amount().signum() > 0, "amount", "Positive",
                        "a payment is more than zero, was " + (amount == null ? null : amount.amount().toPlainString()))
                .notNull("paidOn", paidOn, "a payment needs its date")
                .throwIfBroken();
    }
}
