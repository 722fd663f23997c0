package org.crm4j.pipeline;

import java.math.BigDecimal;
import org.crm4j.common.Money;

/**
 * The tax of an offer at one rate (R13): the sum of the net amounts of the lines taxed at that
 * rate and the tax on it, rounded once per rate.
 *
 * @param rate the rate in percent, e.g. {@code 19}
 * @param base the net amount taxed at this rate
 * @param tax the tax
 */
public record TaxAmount(BigDecimal rate, Money base, Money tax) {
}
