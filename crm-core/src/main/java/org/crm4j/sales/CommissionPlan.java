package org.crm4j.sales;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A commission plan (R13, R21): who it pays, on what, at which rates, when it is earned and how
 * long a credit note claws it back. Defined by administrators ({@link Sales#defineCommissionPlan}).
 *
 * @param id the id
 * @param name its name
 * @param salespeople the salespeople it pays
 * @param currency the invoices it counts (those in another currency earn nothing under it)
 * @param basis net amount or margin
 * @param earning per payment or when paid in full
 * @param defaultRate the rate in per cent of product groups without a rate of their own
 * @param groupRates the rates of product groups, in per cent, by group
 * @param tiers the tiers, lowest first
 * @param clawbackDays how many days after a payment a credit note of its invoice claws back
 * @param teams the managers whose teams it pays: everyone below them in the reporting line whom no
 *     plan names and no team plan of a nearer manager pays (not the managers themselves)
 */
public record CommissionPlan(long id, String name, Set<String> salespeople, Currency currency, CommissionBasis basis,
        CommissionEarning earning, BigDecimal defaultRate, Map<String, BigDecimal> groupRates,
        List<CommissionTier> tiers, int clawbackDays, Set<String> teams) {

    /** Copies the collections. */
    public CommissionPlan {
        salespeople = Set.copyOf(salespeople);
        teams = Set.copyOf(teams);
        groupRates = Map.copyOf(groupRates);
        tiers = List.copyOf(tiers);
    }

    /** A plan of named salespeople alone, with no team. */
    public CommissionPlan(long id, String name, Set<String> salespeople, Currency currency, CommissionBasis basis,
            CommissionEarning earning, BigDecimal defaultRate, Map<String, BigDecimal> groupRates,
            List<CommissionTier> tiers, int clawbackDays) {
        this(id, name, salespeople, currency, basis, earning, defaultRate, groupRates, tiers, clawbackDays, Set.of());
    }

    /**
     * @param newId the id the store gave it
     * @return a copy with that id
     */
    public CommissionPlan withId(long newId) {
        return new CommissionPlan(newId, name, salespeople, currency, basis, earning, defaultRate, groupRates, tiers,
                clawbackDays, teams);
    }

    /**
     * @param productGroup a product group, or null
     * @return its rate in per cent
     */
    public BigDecimal rateOf(String productGroup) {
        return productGroup == null ? defaultRate : groupRates.getOrDefault(productGroup, defaultRate);
    }
}
