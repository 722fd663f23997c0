package org.crm4j.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crm4j.ValidationException;

/**
 * A commission plan to define; pass it to {@link Sales#defineCommissionPlan}.
 *
 * <pre>{@code
 * NewCommissionPlan.named("Field sales 2026", "EUR").salespeople("sam", "pia")
 *         .rate("machines", new BigDecimal("5")).defaultRate(new BigDecimal("2"))
 *         .tier(new BigDecimal("10000"), BigDecimal.ONE).clawbackDays(90);
 * NewCommissionPlan.named("Inside sales 2026", "EUR").team("mia").defaultRate(new BigDecimal("3"));
 * }</pre>
 *
 * <p>A salesperson is paid by the plan that names them; otherwise by the team plan of their
 * nearest manager up the reporting line (as the user directory tells it when the statement is
 * made) that has one; otherwise by none.
 */
public final class NewCommissionPlan {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final String name;
    private final String currency;
    private final Set<String> salespeople = new LinkedHashSet<>();
    private final Set<String> teams = new LinkedHashSet<>();
    private CommissionBasis basis = CommissionBasis.NET;
    private CommissionEarning earning = CommissionEarning.PER_PAYMENT;
    private BigDecimal defaultRate = BigDecimal.ZERO;
    private final Map<String, BigDecimal> groupRates = new LinkedHashMap<>();
    private final List<CommissionTier> tiers = new ArrayList<>();
    private int clawbackDays;

    private NewCommissionPlan(String name, String currency) {
        this.name = name == null || name.isBlank() ? null : name.strip();
        this.currency = currency;
    }

    /**
     * @param name the plan's name
     * @param currency the ISO 4217 code of the invoices it counts
     * @return a plan on the net amount, earned per payment, at 0 % until rates are given
     */
    public static NewCommissionPlan named(String name, String currency) {
        return new NewCommissionPlan(name, currency);
    }

    /** @param userIds the salespeople it pays @return this */
    public NewCommissionPlan salespeople(String... userIds) {
        for (String id : userIds) {
            salespeople.add(id == null ? null : id.strip());
        }
        return this;
    }

    /**
     * @param managerIds managers whose teams the plan pays: everyone below them in the reporting
     *     line, unless a plan names them or a nearer manager's team plan pays them (the managers
     *     themselves are paid by the plan that names them, or their own manager's team plan)
     * @return this
     */
    public NewCommissionPlan team(String... managerIds) {
        for (String id : managerIds) {
            teams.add(id == null ? null : id.strip());
        }
        return this;
    }

    /** @param on net amount or margin @return this */
    public NewCommissionPlan basis(CommissionBasis on) {
        this.basis = on;
        return this;
    }

    /** @param when per payment or when paid in full @return this */
    public NewCommissionPlan earning(CommissionEarning when) {
        this.earning = when;
        return this;
    }

    /** @param percent the rate of groups without one of their own @return this */
    public NewCommissionPlan defaultRate(BigDecimal percent) {
        this.defaultRate = percent;
        return this;
    }

    /** @param productGroup a product group @param percent its rate @return this */
    public NewCommissionPlan rate(String productGroup, BigDecimal percent) {
        groupRates.put(productGroup, percent);
        return this;
    }

    /** @param from the month's basis from which it applies @param extraRate the points it adds @return this */
    public NewCommissionPlan tier(BigDecimal from, BigDecimal extraRate) {
        tiers.add(new CommissionTier(from, extraRate));
        return this;
    }

    /** @param days how many days after a payment a credit note claws back, 0 to 3,660 @return this */
    public NewCommissionPlan clawbackDays(int days) {
        this.clawbackDays = days;
        return this;
    }

    /**
     * Checks every rule. Used by the runtime.
     *
     * @return the plan, with id 0
     * @throws ValidationException listing every broken rule
     */
    public CommissionPlan check() {
        Rules rules = new Rules().notBlank("name", name, "a plan needs a name").text("name", name, Rules.MAX_NAME)
                .notBlank("currency", currency, "a plan counts invoices of one currency");
        Currency c = null;
        if (currency != null) {
            try {
                c = Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                rules.check(false, "currency", "Currency", "not an ISO 4217 currency code: " + currency);
            }
        }
        rules.check(!salespeople.isEmpty() || !teams.isEmpty(), "salespeople", "NotEmpty",
                "name the salespeople or the teams the plan pays");
        for (String id : salespeople) {
            rules.check(id != null && !id.isEmpty() && id.length() <= 100, "salespeople", "UserId",
                    "a salesperson's id is 1 to 100 characters");
        }
        for (String id : teams) {
            rules.check(id != null && !id.isEmpty() && id.length() <= 100, "teams", "UserId",
                    "a team is named by its manager's id, 1 to 100 characters");
        }
        rules.notNull("basis", basis, "say whether the plan pays on the net amount or the margin")
                .notNull("earning", earning, "say when commission is earned");
        rate(rules, "defaultRate", defaultRate);
        for (Map.Entry<String, BigDecimal> r : groupRates.entrySet()) {
            rules.check(r.getKey() != null && !r.getKey().isBlank() && r.getKey().length() <= Rules.MAX_NAME,
                    "rates", "ProductGroup", "a rate names its product group");
            rate(rules, "rates[" + r.getKey() + "]", r.getValue());
        }
        BigDecimal last = null;
        for (CommissionTier t : tiers) {
            rules.check(last == null || t.from().compareTo(last) > 0, "tiers", "Ascending",
                    "tiers go up: " + t.from() + " after " + last);
            last = t.from();
        }
        rules.check(clawbackDays >= 0 && clawbackDays <= 3660, "clawbackDays", "Range",
                "must be 0 to 3660, was " + clawbackDays);
        rules.throwIfBroken();
        return new CommissionPlan(0, name, salespeople, c, basis, earning, defaultRate, groupRates, tiers,
                clawbackDays, teams);
    }

    private static void rate(Rules rules, String field, BigDecimal percent) {
        rules.check(percent != null && percent.signum() >= 0 && percent.compareTo(HUNDRED) <= 0, field, "Range",
                "a rate is 0 to 100 per cent, was " + percent);
    }
}
