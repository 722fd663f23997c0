package org.crm4j.sales;

import java.time.LocalDate;
import org.crm4j.ValidationException;
import org.crm4j.common.ExternalRef;
import org.crm4j.common.Money;
import org.crm4j.common.BillingPeriod;

/**
 * What records a service a customer has under contract; pass it to
 * {@link Sales#addService}. Product code (up to 50 characters), name (up to 200), start, billing
 * period and price are required; the end must not be before the start; the cost, when given, is in
 * the price's currency; the notice period is 0–3,650 days (default 0).
 *
 * <pre>{@code
 * sales.addService(acme.id(), NewServiceContract.of("HOST-M", "Managed hosting M", LocalDate.of(2026, 1, 1),
 *         BillingPeriod.MONTH, Money.of("450.00", "EUR"))
 *         .endsOn(LocalDate.of(2026, 12, 31)).cost(Money.of("310.00", "EUR")).noticeDays(90)
 *         .externalRef(ExternalRef.of("erp", "C-2026-0042")));
 * }</pre>
 */
public final class NewServiceContract {
    /** The longest notice period in days. */
    public static final int MAX_NOTICE_DAYS = 3650;

    private final String productCode;
    private final String productName;
    private final LocalDate startsOn;
    private final BillingPeriod billingPeriod;
    private final Money price;
    private LocalDate endsOn;
    private Money cost;
    private boolean autoRenew;
    private int noticeDays;
    private String salespersonId;
    private ExternalRef externalRef;

    private NewServiceContract(String productCode, String productName, LocalDate startsOn, BillingPeriod billingPeriod,
            Money price) {
        this.productCode = Rules.blankToNull(productCode);
        this.productName = Rules.blankToNull(productName);
        this.startsOn = startsOn;
        this.billingPeriod = billingPeriod;
        this.price = price;
    }

    /**
     * @param productCode the product's code in the ERP
     * @param productName its name
     * @param startsOn the first day
     * @param billingPeriod how often it is billed
     * @param price the price per period
     * @return the contract to record; it is checked when it is added
     */
    public static NewServiceContract of(String productCode, String productName, LocalDate startsOn,
            BillingPeriod billingPeriod, Money price) {
        return new NewServiceContract(productCode, productName, startsOn, billingPeriod, price);
    }

    /** @param day the last day (none: open-ended) @return this */
    public NewServiceContract endsOn(LocalDate day) {
        this.endsOn = day;
        return this;
    }

    /** @param perPeriod what the service costs us per period @return this */
    public NewServiceContract cost(Money perPeriod) {
        this.cost = perPeriod;
        return this;
    }

    /** @param renews whether it renews itself at its end @return this */
    public NewServiceContract autoRenew(boolean renews) {
        this.autoRenew = renews;
        return this;
    }

    /** @param days the notice period before the end @return this */
    public NewServiceContract noticeDays(int days) {
        this.noticeDays = days;
        return this;
    }

    /** @param userId who sold it @return this */
    public NewServiceContract salesperson(String userId) {
        this.salespersonId = Rules.blankToNull(userId);
        return this;
    }

    /** @param ref the contract in the ERP, unique per system @return this */
    public NewServiceContract externalRef(ExternalRef ref) {
        this.externalRef = ref;
        return this;
    }

    /** @return the product code. Used by the runtime. */
    public String productCode() {
        return productCode;
    }

    /** @return the product name. Used by the runtime. */
    public String productName() {
        return productName;
    }

    /** @return the first day. Used by the runtime. */
    public LocalDate startsOn() {
        return startsOn;
    }

    /** @return the billing period. Used by the runtime. */
    public BillingPeriod billingPeriod() {
        return billingPeriod;
    }

    /** @return the price per period. Used by the runtime. */
    public Money price() {
        return price;
    }

    /** @return the last day, or null. Used by the runtime. */
    public LocalDate endsOn() {
        return endsOn;
    }

    /** @return the cost per period, or null. Used by the runtime. */
    public Money cost() {
        return cost;
    }

    /** @return whether it renews itself. Used by the runtime. */
    public boolean autoRenew() {
        return autoRenew;
    }

    /** @return the notice period in days. Used by the runtime. */
    public int noticeDays() {
        return noticeDays;
    }

    /** @return who sold it, or null. Used by the runtime. */
    public String salespersonId() {
        return salespersonId;
    }

    /** @return the ERP's reference, or null. Used by the runtime. */
    public ExternalRef externalRef() {
        return externalRef;
    }

    /**
     * Checks every rule. Used by the runtime.
     *
     * @throws ValidationException listing every broken rule
     */
    public void check() {
        Rules rules = new Rules()
                .notBlank("productCode", productCode, "name the product's code")
                .text("productCode", productCode, Rules.MAX_CODE)
                .notBlank("productName", productName, "name the product")
                .text("productName", productName, Rules.MAX_NAME)
                .notNull("startsOn", startsOn, "a service needs its first day")
                .notNull("billingPeriod", billingPeriod, "say how often it is billed")
                .notNull("price", price, "a service needs its price per period")
                .check(endsOn == null || startsOn == null || !endsOn.isBefore(startsOn), "endsOn", "Order",
                        "the end " + endsOn + " is before the start " + startsOn)
                .check(noticeDays >= 0 && noticeDays <= MAX_NOTICE_DAYS, "noticeDays", "Range",
                        "from 0 to " + MAX_NOTICE_DAYS + " days, was " + noticeDays)
                .text("salespersonId", salespersonId, 100);
        if (price != null) {
            rules.notNegative("price", price.amount());
        }
        if (cost != null) {
            rules.notNegative("cost", cost.amount());
            rules.check(price == null || cost.currency().equals(price.currency()), "cost", "Currency",
                    "the cost must be in the price's currency " + (price == null ? "" : price.currency()));
        }
        rules.throwIfBroken();
    }
}
