package org.crm4j.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.crm4j.ValidationException;
import org.crm4j.common.Money;

/**
 * The totals of an offer, computed with {@link BigDecimal} and rounded to the currency's
 * decimal places half up ({@link #ROUNDING}), as invoices are, so that the ERP's invoice of the
 * same lines comes to the same cent: each line's net amount is rounded once; the tax is computed
 * per rate on the sum of the net amounts at that rate and rounded once per rate, so that many
 * small lines do not add up rounding differences.
 *
 * @param net the sum of the lines' net amounts (after discounts)
 * @param taxes the tax per rate, lowest rate first
 * @param tax the sum of the taxes
 * @param gross net plus tax
 */
public record OfferTotals(Money net, List<TaxAmount> taxes, Money tax, Money gross) {
    /** How offer amounts are rounded: half up, commercial rounding. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    /** Copies the list. */
    public OfferTotals {
        taxes = List.copyOf(taxes);
    }

    /**
     * @param lines an offer's lines, all priced in {@code currency}
     * @param currency the offer's currency
     * @return their totals
     * @throws ValidationException when a line is priced in another currency
     */
    public static OfferTotals of(List<OfferLine> lines, Currency currency) {
        ValidationException.requireNonNull(lines, "lines");
        String code = ValidationException.requireNonNull(currency, "currency").getCurrencyCode();
        Money zero = Money.rounded(BigDecimal.ZERO, code);
        Money net = zero;
        Map<BigDecimal, Money> baseByRate = new TreeMap<>();
        for (OfferLine line : lines) {
            Money lineNet = line.net();
            net = net.plus(lineNet);
            baseByRate.merge(line.taxRate(), lineNet, Money::plus);
        }
        List<TaxAmount> taxes = new ArrayList<>();
        Money tax = zero;
        for (Map.Entry<BigDecimal, Money> e : baseByRate.entrySet()) {
            Money rateTax = Money.rounded(e.getValue().amount().multiply(e.getKey()).movePointLeft(2), code, ROUNDING);
            taxes.add(new TaxAmount(e.getKey(), e.getValue(), rateTax));
            tax = tax.plus(rateTax);
        }
        return new OfferTotals(net, taxes, tax, net.plus(tax));
    }
}
