package org.crm4j.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;
import org.crm4j.campaign.CostEntry;
import org.crm4j.campaign.CostKind;
import org.crm4j.common.Money;

/** A cost entry of a campaign ({@code crm_campaign_cost}); its currency is the campaign's. */
@Embeddable
class CampaignCostValue {
    @Column(name = "cost_date", nullable = false)
    LocalDate date;

    @Column(nullable = false, precision = 19, scale = 4)
    BigDecimal amount;

    @Column(nullable = false, length = 50)
    String category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    CostKind kind;

    @Column(length = 200)
    String keyword;

    /** For Hibernate. */
    protected CampaignCostValue() {
    }

    static CampaignCostValue of(CostEntry cost) {
        CampaignCostValue v = new CampaignCostValue();
        v.date = cost.date();
        v.amount = cost.amount().amount();
        v.category = cost.category();
        v.kind = cost.kind();
        v.keyword = cost.keyword();
        return v;
    }

    CostEntry toEntry(Currency currency) {
        return new CostEntry(date, Money.of(amount, currency.getCurrencyCode()), category, kind, keyword);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CampaignCostValue other && date.equals(other.date) && amount.compareTo(other.amount) == 0
                && category.equals(other.category) && kind == other.kind && Objects.equals(keyword, other.keyword);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, category, kind, keyword);
    }
}
