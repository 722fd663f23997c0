package org.crm4j.sales;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.crm4j.common.ExternalRef;

/**
 * A line of a commission statement: what one payment (or one invoice, when paid in full) earned in
 * one product group, or what a credit note clawed back.
 *
 * @param on the day it was earned or clawed back
 * @param document the invoice (or the credit note, when clawed back) by its ERP reference
 * @param productGroup the product group, or null
 * @param basis the net amount or margin it is paid on (negative when clawed back)
 * @param rate the rate in per cent, tiers included
 * @param commission what it earned (negative when clawed back), rounded to the currency
 * @param clawback whether a credit note clawed it back
 */
public record CommissionLine(LocalDate on, ExternalRef document, String productGroup, BigDecimal basis,
        BigDecimal rate, BigDecimal commission, boolean clawback) {
}
