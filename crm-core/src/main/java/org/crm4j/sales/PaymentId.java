package org.crm4j.sales;

import org.crm4j.ValidationException;

/**
 * The id of a payment.
 *
 * @param value a positive number
 */
public record PaymentId(long value) {

    /** @throws ValidationException when the value is not positive */
    public PaymentId {
        if (value <= 0) {
            throw new ValidationException("paymentId", "Positive", "must be greater than 0, was " + value);
        }
    }

    /**
     * @param value the number
     * @return the id
     */
    public static PaymentId of(long value) {
        return new PaymentId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
